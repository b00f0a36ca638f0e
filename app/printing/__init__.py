"""Printed output (PDF through Qt's painter): coupon cards, and the weekly report to come. Takes its data from
the services; draws with QtGui only (no widgets, no SQL)."""
