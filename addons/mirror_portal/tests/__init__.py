from . import test_portal_order
