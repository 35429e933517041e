using MeetingTracker.E2E;
using Xunit.Sdk;
using Xunit.v3;

// One web host and one browser for the whole run (the host's Hangfire keeps statics: one host per process), and the
// tests one at a time: they share them.
[assembly: Parallelization(Mode = ParallelMode.None)]
[assembly: AssemblyFixture(typeof(SiteServer))]
[assembly: AssemblyFixture(typeof(Chromium))]
