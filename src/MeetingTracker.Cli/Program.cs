// PLACEHOLDER entry point: the CLI is being written (see issue 2).
return 0;
