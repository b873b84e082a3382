"""PyTorch CPU peer: the same model as ../shared/bench/bench_torch.py, built in-process so that
it is timed side by side with rnnviz. torch is only a benchmark peer, never a dependency."""
from __future__ import annotations

import numpy as np


def make_torch_steps(B: int, T: int, E: int, H: int, V: int, threads: int, seed: int,
                     pool: list[np.ndarray], labels: list[np.ndarray], cell: str = "rnn"):
    """Return (train_step, infer_step, version): nn.Embedding -> nn.RNN(tanh) (cell "rnn"),
    nn.LSTM ("lstm") or nn.GRU ("gru") -> nn.Linear, BCEWithLogitsLoss, Adam(lr=1e-3), on the same
    token batches as rnnviz."""
    import torch
    from torch import nn

    torch.set_num_threads(threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    torch.manual_seed(seed)

    class IMDbRNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(V, E)
            if cell == "rnn":
                self.rnn = nn.RNN(E, H, nonlinearity="tanh", batch_first=True)
            else:
                self.rnn = (nn.LSTM if cell == "lstm" else nn.GRU)(E, H, batch_first=True)
            self.fc = nn.Linear(H, 1)

        def forward(self, tokens):
            out, _ = self.rnn(self.emb(tokens))
            return self.fc(out[:, -1]).squeeze(1)

    model = IMDbRNN()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.BCEWithLogitsLoss()
    xs = [torch.from_numpy(x.astype(np.int64)) for x in pool]
    ys = [torch.from_numpy(y.astype(np.float32)) for y in labels]
    state = {"i": 0}

    def train_step():
        i = state["i"] % len(xs)
        state["i"] += 1
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(xs[i]), ys[i])
        loss.backward()
        opt.step()
        return float(loss.detach())

    def infer_step():
        i = state["i"] % len(xs)
        state["i"] += 1
        with torch.inference_mode():
            return float(model(xs[i])[0])

    model.train()
    return train_step, infer_step, torch.__version__
