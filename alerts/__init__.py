"""Email alerts: a finder filter followed by email, with no account.

    the finder's “Get emails” link → views.subscribe: the finder's form cleans the filter
      (filters.py), the subscribe form the address; limits.py counts requests
      → services.subscription_request: a pending Subscription; tasks.send_confirmation
      → the signed link (links.py) → views.confirm → services.subscription_confirm
    pressroom.services publishes or schedules a release → pressroom/publication.py's notice
      → services.announcement_plan: an Announcement, and the worker woken at the release's time
    the worker (`manage.py db_worker`) → tasks.work
      → services.announce_due: the release public now? matching.py finds its subscriptions in
        SQL; one outbox row (Delivery) each, in the transaction that saw it public
      → delivery.deliver_due: per subscription, locked, one message (messages.py, from the
        site's release summaries), sent over SMTP, marked sent; failures retried or recorded

README.md, “Email alerts”, says how to run it and why it is built this way.
"""
