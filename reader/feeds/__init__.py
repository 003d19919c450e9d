"""Subscriptions, Qt-free: find a site's feed, parse it, read and write OPML.

Feeds are parsed only through feedparser (RSS 0.9x/1.0/2.0, Atom); JSON Feed, which
feedparser does not read, by a small reader of its documented keys.
"""
