"""The site's own date formats where Django's differ from the UN's (FORMAT_MODULE_PATH).

English pages write dates as the UN does, day month year ("23 May 2024"), as en_GB does
(og:locale), where Django's `en` writes "May 23, 2024". French and Spanish keep Django's.
"""
