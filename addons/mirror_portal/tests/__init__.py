from . import test_portal_accounts
from . import test_portal_order
from . import test_portal_quote
from . import test_portal_reorder
from . import test_portal_public
from . import test_portal_new_order
from . import test_portal_security
from . import test_portal_prices_rpc
