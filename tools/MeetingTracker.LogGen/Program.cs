// PLACEHOLDER entry point: LogGen is being written (see issue 2).
return 0;
