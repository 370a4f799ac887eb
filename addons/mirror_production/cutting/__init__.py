# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Glass cutting plans: ROADEF/EURO 2018 instances, plans and their checker.

Plain Python (no Odoo import). The checker is written from the problem statement
alone, independently of any optimizer, so that it can judge the optimizer's plans.
"""
