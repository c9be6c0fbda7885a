"""Scripts and helpers shared by the reliability tests and the benchmarks."""
