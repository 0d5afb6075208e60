using System.Text;

namespace Sweep.Reports.Tests;

/// <summary>
/// Compares a written file with the approved one kept in the test project's <c>Approved/</c> folder, byte for
/// byte. On a difference the received bytes are saved beside the copied approved file so they can be
/// inspected and, when right, copied over the approved one.
/// </summary>
internal static class Approved
{
    public static void AssertFile(string approvedName, string writtenPath)
    {
        var approvedPath = Path.Combine(AppContext.BaseDirectory, "Approved", approvedName);
        var received = File.ReadAllBytes(writtenPath);
        var approved = File.Exists(approvedPath) ? File.ReadAllBytes(approvedPath) : [];
        if (received.AsSpan().SequenceEqual(approved))
        {
            return;
        }
        var receivedPath = Path.ChangeExtension(approvedPath, ".received" + Path.GetExtension(approvedPath));
        File.WriteAllBytes(receivedPath, received);
        Assert.Fail(
            $"{Path.GetFileName(writtenPath)} differs from Approved/{approvedName}; received output saved as {receivedPath}.\n" +
            $"--- approved\n{Encoding.UTF8.GetString(approved)}\n--- received\n{Encoding.UTF8.GetString(received)}");
    }
}
