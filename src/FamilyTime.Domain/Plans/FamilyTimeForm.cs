namespace FamilyTime.Domain.Plans;

/// <summary>How the child and the person keep in touch. Only face-to-face family time has sessions at a venue.</summary>
public enum FamilyTimeForm
{
    FaceToFace = 1,
    Phone = 2,
    VideoCall = 3,
    Text = 4,
    Letter = 5,
    SocialMedia = 6,
}
