namespace FamilyTime.Scheduling.Hosting;

/// <summary>
/// What the solver host and <see cref="ProcessRotaSolver"/> say to each other. In: the problem as the first line of
/// standard input (<see cref="RotaJson"/>), which then stays open; closing it asks the host to stop its search and write
/// its best plan so far. Out: one line per message on standard output, <see cref="ProgressPrefix"/> then JSON as the
/// search goes, <see cref="PlanPrefix"/> then JSON last; a one-line error on standard error when there is no plan.
/// </summary>
public static class RotaHostProtocol
{
    public const string ProgressPrefix = "progress ";
    public const string PlanPrefix = "plan ";

    /// <summary>Exit codes: a plan was written; the solver failed; the input was not a problem; standard output was gone.</summary>
    public const int Solved = 0, SolverFailed = 1, BadInput = 2, OutputClosed = 3;
}
