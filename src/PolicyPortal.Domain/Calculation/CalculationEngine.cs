using PolicyPortal.Domain.Catalog;

namespace PolicyPortal.Domain.Calculation;

/// <summary>
/// Computes subsidies for one district's catalog (docs/catalog-format.md, "How the engine computes";
/// docs/calculation.md walks through every rule kind and step). Build once per catalog version: the catalog is
/// compiled into index tables in the constructor. Thread-safe: a calculation keeps its state on its own.
/// </summary>
public sealed class CalculationEngine
{
    internal CompiledCatalog Catalog { get; }

    /// <exception cref="ArgumentException">The catalog fails <see cref="CatalogValidator"/>.</exception>
    public CalculationEngine(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        Catalog = new CompiledCatalog(document);
    }

    public string District => Catalog.District;

    public PolicyDocument Document => Catalog.Document;

    /// <summary>Validates and computes a request.</summary>
    /// <exception cref="CalculationInputException">The request is not computable; every problem is listed.</exception>
    public CalculationResult Calculate(CalculationRequest request) => CalculationRun.Run(Prepare(request));

    /// <summary>
    /// Validates a request and resolves it to indices once. Worth keeping when the same claims are computed again
    /// (a district's whole year, a what-if), and it is what the benchmark times apart from the calculation.
    /// </summary>
    /// <exception cref="CalculationInputException">The request is not computable; every problem is listed.</exception>
    public PreparedRequest Prepare(CalculationRequest request) => RequestPreparer.Prepare(Catalog, request);

    /// <summary>Computes a prepared request (of this engine's catalog).</summary>
    public CalculationResult Calculate(PreparedRequest prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (!ReferenceEquals(prepared.Catalog, Catalog))
            throw new ArgumentException("The request was prepared by another engine.", nameof(prepared));
        return CalculationRun.Run(prepared);
    }
}
