"""Facilitate a workshop live: a view for whoever facilitates (timers, the
day's clock) and a view for the room (projector), for a facilitator guide
and for a trainer's plan. The server only renders the agenda; the running
state lives in the facilitator's browser (static/live/live.js)."""
