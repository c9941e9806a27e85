"""Pantau TPPO alerts: cases instead of report counts, weekly digests per task force, early-warning
signals, and e-mail/webhook delivery that loses nothing and sends nothing twice.

Modules: :mod:`alerts.linking` (cases), :mod:`alerts.subscriptions`, :mod:`alerts.digest`,
:mod:`alerts.signals`, :mod:`alerts.delivery` (outbox, SMTP, webhook), :mod:`alerts.service`
(what the CLI calls). Heavy libraries are imported inside functions. See docs/alerts.md.
"""
