"""The output heads of the NumPy references (reference_lstm.py, reference_gru.py), float64.

binary (many-to-one): L = BCE(sigmoid(o_T), label); softmax (many-to-many): L = sum_t CE(softmax(o_t), y_t).
"""
import numpy as np


def sigmoid(z):
    """1 / (1 + exp(-z)), written so that a large |z| does not overflow exp."""
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def window_start(T, truncate):
    """0-based first step of the BPTT window (0: full BPTT)."""
    return 0 if truncate is None else max(0, T - truncate)


def sequence_loss(outputs, label, head):
    """binary: BCE on o_T with label 0/1; softmax: sum_t CE(softmax(o_t), label[t])."""
    if head == "binary":
        z = outputs[-1][0]
        return max(z, 0.0) - z * label + np.log1p(np.exp(-abs(z)))
    total = 0.0
    for t, o in enumerate(outputs):
        m = o.max()
        total += m + np.log(np.sum(np.exp(o - m))) - o[label[t]]
    return total


def output_grad(outputs, label, head, t):
    """dL/do_t of one sequence: sigmoid(o_T) - y at the last step only (binary), or
    softmax(o_t) - onehot(y_t) at every step (softmax)."""
    if head == "binary":
        do = np.zeros(1)
        if t == len(outputs) - 1:
            do[0] = sigmoid(outputs[t][0]) - label
        return do
    e = np.exp(outputs[t] - outputs[t].max())
    do = e / e.sum()
    do[label[t]] -= 1.0
    return do
