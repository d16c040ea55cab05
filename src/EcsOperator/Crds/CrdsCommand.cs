namespace EcsOperator.Crds;

/// <summary><c>ecs-operator crds [--output DIR]</c>: prints the CRDs as one YAML stream, or writes one file per kind.</summary>
public static class CrdsCommand
{
    public static int Run(DirectoryInfo? output, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var files = CrdFiles.Render(CrdFiles.LoadDocumentation());
        if (output is null)
        {
            stdout.Write(string.Join("---\n", files.Select(f => f.Yaml)));
            return 0;
        }

        Directory.CreateDirectory(output.FullName);
        foreach (var (fileName, yaml) in files)
        {
            File.WriteAllText(Path.Combine(output.FullName, fileName), yaml);
        }

        // A kind that was renamed or removed must not leave its old CRD behind to be applied by mistake.
        var expected = files.Select(f => f.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateFiles(output.FullName, Api.ApiGroup.Group + "_*.yaml")
                     .Where(path => !expected.Contains(Path.GetFileName(path))))
        {
            File.Delete(stale);
            stderr.WriteLine($"removed stale {stale}");
        }

        stderr.WriteLine($"wrote {files.Count} CRDs to {output.FullName}");
        return 0;
    }
}
