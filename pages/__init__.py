"""Simple pages, the main menu built from them, and the items editors feature on the home page.

It stands above the press room and events (a featured item points to a release, an event or a
page) and below `iom_cms`, which assembles the home page from it.
"""
