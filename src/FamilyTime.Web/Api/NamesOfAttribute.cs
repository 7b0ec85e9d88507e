namespace FamilyTime.Web.Api;

/// <summary>
/// A request field sent as the name of one of an enumeration's values (read with <see cref="EnumInput"/>, which answers
/// a field error listing the names). The OpenAPI document lists the names, so a client knows them before it sends one.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class NamesOfAttribute(Type enumType) : Attribute
{
    public Type EnumType { get; } = enumType;
}
