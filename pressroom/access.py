"""Who may do what in the press room beyond Django's add/change/delete permissions."""


def can_publish(user):
    """Publishers create and revoke preview links and add corrections to public releases.

    The permission itself is created by migration 0006 (editorial roles); until then no one but
    a superuser has it.
    """
    return user.is_active and user.has_perm("pressroom.publish_pressrelease")
