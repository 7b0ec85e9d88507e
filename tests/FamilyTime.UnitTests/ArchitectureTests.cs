using FamilyTime.Domain.Children;

namespace FamilyTime.UnitTests;

/// <summary>The domain is pure: no persistence or web framework leaks into it.</summary>
public class ArchitectureTests
{
    private static readonly string[] ReferencedNames =
        typeof(Child).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToArray();

    [Fact]
    public void The_check_sees_the_domain_references()
    {
        // Guards against a vacuous test: the list really is the domain's references.
        Assert.Equal("FamilyTime.Domain", typeof(Child).Assembly.GetName().Name);
        Assert.Contains("System.Runtime", ReferencedNames);
    }

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Npgsql")]
    [InlineData("FamilyTime.")]
    public void The_domain_references_no_framework_or_outer_layer(string prefix)
    {
        var offending = ReferencedNames.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
        Assert.Empty(offending);
    }
}
