# English dates in the UN's style: day, month in full, year ("23 May 2024"). The other formats
# fall back to Django's `en` (times "10 a.m.", the input formats).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, P"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
# Short (the admin's lists): the month's abbreviation, so that 4 March is never read 3 April.
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y P"
