# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Mirror & Glass Payments",
    "summary": "Prepayments and payment links for glass orders through "
    "Odoo's payment framework, with verified and idempotent notifications",
    "version": "18.0.1.0.0",
    "category": "Accounting/Payment Providers",
    "website": "https://github.com/mirror-workshop/mirror-suite",
    "author": "Mirror Workshop Suite contributors",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["mirror_production", "payment", "sale"],
    "data": [],
    "demo": [],
    "installable": True,
}
