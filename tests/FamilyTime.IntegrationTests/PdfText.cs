using FamilyTime.IntegrationTests.Contract;

namespace FamilyTime.IntegrationTests;

/// <summary>
/// A PDF's text as poppler's pdftotext reads it (Debian poppler-utils, installed by test.sh): a reader nobody here
/// wrote, not PdfPig, which also writes the letters. Missing, the test fails saying what to install.
/// </summary>
internal static class PdfText
{
    public static async Task<string> ReadAsync(byte[] pdf)
    {
        Assert.True(File.Exists("/usr/bin/pdftotext"), "pdftotext is missing: install Debian's poppler-utils (test.sh does).");
        var file = Path.Combine(Path.GetTempPath(), $"familytime-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var run = await OutsideTool.RunAsync("/usr/bin/pdftotext", Path.GetTempPath(), "-layout", "-enc", "UTF-8", file, "-");
            Assert.True(run.ExitCode == 0, "pdftotext could not read the PDF: " + run.Tail());
            return run.Output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
