namespace EcsOperator.Aws.Tests.Credentials;

/// <summary>
/// Sets process environment variables for one test and restores them afterwards. Only for tests in the
/// <see cref="ProcessEnvironmentCollection"/>, which never runs in parallel with anything else.
/// </summary>
internal sealed class EnvironmentScope : IDisposable
{
    /// <summary>Every variable the AWS SDK's default chains read; cleared so the developer's setup cannot leak in.</summary>
    private static readonly string[] AwsVariables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ACCOUNT_ID", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME", "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STS", "AWS_EC2_METADATA_DISABLED",
        "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE",
    ];

    private readonly Dictionary<string, string?> _saved = [];
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("ecs-operator-env-").FullName;

    public EnvironmentScope()
    {
        foreach (var name in AwsVariables)
        {
            Set(name, null);
        }

        // Never reach for instance metadata (only loopback traffic is allowed), and never read ~/.aws.
        Set("AWS_EC2_METADATA_DISABLED", "true");
        Set("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(_directory, "credentials"));
        Set("AWS_CONFIG_FILE", Path.Combine(_directory, "config"));
    }

    /// <summary>A scratch directory deleted with the scope (token files go here).</summary>
    public string Directory => _directory;

    public void Set(string name, string? value)
    {
        _saved.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        System.IO.Directory.Delete(_directory, recursive: true);
    }
}
