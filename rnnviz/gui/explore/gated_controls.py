"""The vanishing/exploding controls for a gated model: the vanilla RNN's W scale, rho(W), f and the
demos do not apply to an LSTM or GRU, so they are shown disabled with the reason (the explorer's
``gated_controls_reason``) instead of pretending to work. Length and clipping stay on."""
from __future__ import annotations

from ..i18n import translate

#: The GradientControls widgets that act on the vanilla RNN's W and f only.
VANILLA_ONLY = ("scale_slider", "scale_spin", "activation_combo", "vanish_button", "explode_button")


def show_cell(controls, reason: str) -> None:
    """Enable the vanilla-only controls for the RNN (reason ""), disable them with `reason` otherwise.

    The tooltips they had are kept (as ``_vanilla_tip``) and come back with a vanilla model.
    """
    gated = bool(reason)
    for name in VANILLA_ONLY:
        widget = getattr(controls, name)
        if not hasattr(widget, "_vanilla_tip"):
            widget._vanilla_tip = widget.toolTip()
        widget.setEnabled(not gated)
        widget.setToolTip(reason if gated else widget._vanilla_tip)
    if gated:
        controls.radius_label.setText(translate("GradientControls", "ρ(W): no single W in a gated cell"))
    controls.radius_label.setToolTip(reason or translate("GradientControls", "Spectral radius of the scaled W: its "
                                                         "largest |eigenvalue|. Below 1 the gradient through many "
                                                         "steps shrinks (vanishes), above 1 it can grow (explodes)"))
