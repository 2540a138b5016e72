"""The ground every app stands on; it imports no app of the project.

- translated.py   content in some of the site's languages (`in_language`, constraints)
- richtext.py     the rich-text field: editor and sanitiser from one list
- images.py       the safe image field (checks at upload) and renditions.py (WebP renditions)
- public_pages.py the "public pages changed" notice that every cache of public pages follows
- public_cache.py the one caching rule of public pages (Cache-Control, surrogate keys, page cache)
- edge.py         purging the edge caches (Varnish) by key, retried by the task queue
- admin_mixins.py what every ModelAdmin of the site does
"""
