using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FamilyTime.Web.Infrastructure;

public static class ModelStateErrors
{
    /// <summary>Puts a use case's field errors onto the form's fields (named "Input.Field").</summary>
    public static void AddAll(this ModelStateDictionary state, IReadOnlyDictionary<string, string[]> errors, string prefix = "Input.")
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                state.AddModelError(string.IsNullOrEmpty(field) ? "" : prefix + field, message);
            }
        }
    }
}
