namespace EcsOperator.Testing;

/// <summary>Where the repository's checked-in files are, found from the test binary's location.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Crds => Path.Combine(Root, "crds");

    public static string Examples => Path.Combine(Root, "deploy", "examples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Operator.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"Operator.sln not found above {AppContext.BaseDirectory}");
    }
}
