"""The numba RNN core: forward pass, BPTT, optimizers and the step trace. No Qt here."""
