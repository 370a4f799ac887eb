from . import test_catalog
from . import test_pricing
from . import test_validation
from . import test_form
from . import test_margin
from . import test_report
from . import test_api
from . import test_production
