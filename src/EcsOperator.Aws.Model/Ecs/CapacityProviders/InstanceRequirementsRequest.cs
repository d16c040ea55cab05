using System.ComponentModel.DataAnnotations;

namespace EcsOperator.Aws.Model.Ecs;

/// <summary>
/// The instance requirements for attribute-based instance type selection. Instead of specifying exact instance types,
/// you define requirements such as vCPU count, memory size, network performance, and accelerator specifications.
/// </summary>
public sealed record InstanceRequirementsRequest
{
    /// <summary>
    /// The minimum and maximum number of vCPUs for the instance types. Amazon ECS selects instance types that have vCPU
    /// counts within this range.
    /// </summary>
    [Required]
    public VCpuCountRangeRequest? VCpuCount { get; init; }

    /// <summary>
    /// The minimum and maximum amount of memory in mebibytes (MiB) for the instance types. Amazon ECS selects instance
    /// types that have memory within this range.
    /// </summary>
    [Required]
    public MemoryMiBRequest? MemoryMiB { get; init; }

    /// <summary>
    /// The CPU manufacturers to include or exclude. You can specify intel , amd , or amazon-web-services to control
    /// which CPU types are used for your workloads.
    /// </summary>
    [AllowedValues("intel", "amd", "amazon-web-services")]
    public IReadOnlyList<string>? CpuManufacturers { get; init; }

    /// <summary>
    /// The minimum and maximum amount of memory per vCPU in gibibytes (GiB). This helps ensure that instance types have
    /// the appropriate memory-to-CPU ratio for your workloads.
    /// </summary>
    public MemoryGiBPerVCpuRequest? MemoryGiBPerVCpu { get; init; }

    /// <summary>
    /// The instance types to exclude from selection. Use this to prevent Amazon ECS from selecting specific instance
    /// types that may not be suitable for your workloads.
    /// </summary>
    [SchemaLength(0, 400)]
    public IReadOnlyList<string>? ExcludedInstanceTypes { get; init; }

    /// <summary>
    /// The instance generations to include. You can specify current to use the latest generation instances, or previous
    /// to include previous generation instances for cost optimization.
    /// </summary>
    [AllowedValues("current", "previous")]
    public IReadOnlyList<string>? InstanceGenerations { get; init; }

    /// <summary>
    /// The maximum price for Spot instances as a percentage over the lowest priced On-Demand instance. This helps
    /// control Spot instance costs while maintaining access to capacity.
    /// </summary>
    public int? SpotMaxPricePercentageOverLowestPrice { get; init; }

    /// <summary>
    /// The price protection threshold for On-Demand Instances, as a percentage higher than an identified On-Demand
    /// price. The identified On-Demand price is the price of the lowest priced current generation C, M, or R instance
    /// type with your specified attributes.
    /// </summary>
    public int? OnDemandMaxPricePercentageOverLowestPrice { get; init; }

    /// <summary>
    /// Indicates whether to include bare metal instance types. Set to included to allow bare metal instances, excluded
    /// to exclude them, or required to use only bare metal instances.
    /// </summary>
    [AllowedValues("included", "required", "excluded")]
    public string? BareMetal { get; init; }

    /// <summary>
    /// Indicates whether to include burstable performance instance types (T2, T3, T3a, T4g). Set to included to allow
    /// burstable instances, excluded to exclude them, or required to use only burstable instances.
    /// </summary>
    [AllowedValues("included", "required", "excluded")]
    public string? BurstablePerformance { get; init; }

    /// <summary>
    /// Indicates whether the instance types must support hibernation. When set to true , only instance types that
    /// support hibernation are selected.
    /// </summary>
    public bool? RequireHibernateSupport { get; init; }

    /// <summary>
    /// The minimum and maximum number of network interfaces for the instance types. This is useful for workloads that
    /// require multiple network interfaces.
    /// </summary>
    public NetworkInterfaceCountRequest? NetworkInterfaceCount { get; init; }

    /// <summary>
    /// Indicates whether to include instance types with local storage. Set to included to allow local storage, excluded
    /// to exclude it, or required to use only instances with local storage.
    /// </summary>
    [AllowedValues("included", "required", "excluded")]
    public string? LocalStorage { get; init; }

    /// <summary>
    /// The local storage types to include. You can specify hdd for hard disk drives, ssd for solid state drives, or
    /// both.
    /// </summary>
    [AllowedValues("hdd", "ssd")]
    public IReadOnlyList<string>? LocalStorageTypes { get; init; }

    /// <summary>
    /// The minimum and maximum total local storage in gigabytes (GB) for instance types with local storage.
    /// </summary>
    public TotalLocalStorageGBRequest? TotalLocalStorageGB { get; init; }

    /// <summary>
    /// The minimum and maximum baseline Amazon EBS bandwidth in megabits per second (Mbps). This is important for
    /// workloads with high storage I/O requirements.
    /// </summary>
    public BaselineEbsBandwidthMbpsRequest? BaselineEbsBandwidthMbps { get; init; }

    /// <summary>
    /// The accelerator types to include. You can specify gpu for graphics processing units, fpga for field programmable
    /// gate arrays, or inference for machine learning inference accelerators.
    /// </summary>
    [AllowedValues("gpu", "fpga", "inference")]
    public IReadOnlyList<string>? AcceleratorTypes { get; init; }

    /// <summary>
    /// The minimum and maximum number of accelerators for the instance types. This is used when you need instances with
    /// specific numbers of GPUs or other accelerators.
    /// </summary>
    public AcceleratorCountRequest? AcceleratorCount { get; init; }

    /// <summary>
    /// The accelerator manufacturers to include. You can specify nvidia , amd , amazon-web-services , or xilinx
    /// depending on your accelerator requirements.
    /// </summary>
    [AllowedValues("amazon-web-services", "amd", "nvidia", "xilinx", "habana")]
    public IReadOnlyList<string>? AcceleratorManufacturers { get; init; }

    /// <summary>
    /// The specific accelerator names to include. For example, you can specify a100 , v100 , k80 , or other specific
    /// accelerator models.
    /// </summary>
    [AllowedValues("a100", "inferentia", "k520", "k80", "m60", "radeon-pro-v520", "t4", "vu9p", "v100", "a10g", "h100", "t4g")]
    public IReadOnlyList<string>? AcceleratorNames { get; init; }

    /// <summary>
    /// The minimum and maximum total accelerator memory in mebibytes (MiB). This is important for GPU workloads that
    /// require specific amounts of video memory.
    /// </summary>
    public AcceleratorTotalMemoryMiBRequest? AcceleratorTotalMemoryMiB { get; init; }

    /// <summary>
    /// The minimum and maximum network bandwidth in gigabits per second (Gbps). This is crucial for network-intensive
    /// workloads that require high throughput.
    /// </summary>
    public NetworkBandwidthGbpsRequest? NetworkBandwidthGbps { get; init; }

    /// <summary>
    /// The instance types to include in the selection. When specified, Amazon ECS only considers these instance types,
    /// subject to the other requirements specified.
    /// </summary>
    [SchemaLength(0, 400)]
    public IReadOnlyList<string>? AllowedInstanceTypes { get; init; }

    /// <summary>
    /// The maximum price for Spot instances as a percentage of the optimal On-Demand price. This provides more precise
    /// cost control for Spot instance selection.
    /// </summary>
    public int? MaxSpotPriceAsPercentageOfOptimalOnDemandPrice { get; init; }
}
