// PLACEHOLDER entry point: benchmarks are being written (see issue 2).
return 0;
