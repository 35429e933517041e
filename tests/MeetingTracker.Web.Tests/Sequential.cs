using Xunit.Sdk;
using Xunit.v3;

// Hangfire keeps its log provider (and a few other settings) in statics that each host replaces when it starts:
// hosts running side by side would log through one another's disposed logger factories. One host at a time.
[assembly: Parallelization(Mode = ParallelMode.None)]
