# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Mirror & Glass Channels",
    "summary": "One inbox for glass inquiries from the website, e-mail, Telegram, "
    "WhatsApp, Avito and VK, with status notifications back to the client",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "website": "https://github.com/mirror-workshop/mirror-suite",
    "author": "Mirror Workshop Suite contributors",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["mirror_production", "crm", "mail"],
    "data": [],
    "demo": [],
    "installable": True,
}
