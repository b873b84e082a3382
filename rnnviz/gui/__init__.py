"""Qt views: the unrolled graph, BPTT by hand, live plots, the trainer panel."""
