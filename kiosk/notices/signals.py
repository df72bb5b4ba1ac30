"""What the notice board announces to the rest of the product.

``suspension_changed`` is sent inside the suspend/resume transaction, after the change is
flushed and before it is committed: the sender is the :class:`~kiosk.hall.models.Hall`,
the arguments are ``scope`` (``"window"``, ``"service"`` or ``"hall"``) and ``target``
(the Window or Service, ``None`` for the hall). Receivers may add to the transaction.
"""
from __future__ import annotations

from blinker import Namespace

signals = Namespace()

#: A window, a service or the whole hall was suspended or resumed.
suspension_changed = signals.signal("suspension-changed")
