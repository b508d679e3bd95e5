//! Inline rule tests: run the `examples` and `counterexamples` of every rule.
