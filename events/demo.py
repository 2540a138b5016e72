"""Demo content for events, loaded by `manage.py load_demo` before the press releases.

The International Dialogue on Migration (IDM): the series, with its About text (the French word
for word from iom.int, with our English and Spanish translations); its 2024 session in New York,
on the two days before the press release of 23 May 2024, with the four areas of action that the
release reports as sessions; and the second 2024 session, which the release announces in Geneva
"before the end of the year", without dates. The times of the sessions are illustrative: the
release does not give them. Of the two goodwill ambassadors it names, only Kofi Kinaata is said
to have taken part ("lent his voice ... at the event"); America Ferrera's appointment merely
coincided with the Dialogue, so she is not on the agenda.

So that the upcoming list and the calendar feed have something to show, two fictional events
are dated from the day of the first load (like the embargoed demo releases), and a third one is
a draft. Their speakers are fictional too, hence their example names.

Loading is idempotent: a series or an event is looked up by its slug, a speaker by name; what
exists is left as it is, including editors' changes.
"""

import datetime
import sys
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from .models import Event, Participation, Series, Session, Speaker

FR, EN, ES = "fr", "en", "es"
LANGS = (FR, EN, ES)  # the order of the (fr, en, es) tuples below
NEW_YORK = ZoneInfo("America/New_York")
IDM_NEW_YORK_SLUG = "idm-2024-new-york"


@transaction.atomic
def load(*, stdout=None):
    """Create the demo series, events, sessions and speakers that are missing; print counts."""
    stdout = stdout or sys.stdout
    idm, series_created = _ensure_series()
    specs = [_idm_new_york(idm), _idm_geneva(idm), *_fictional(now=timezone.now())]
    created = sum(_ensure_event(spec) for spec in specs)
    stdout.write(
        f"Events: {len(specs)} ({sum(spec['status'] == Event.Status.DRAFT for spec in specs)} "
        f"draft), {created} created. Series: 1, {int(series_created)} created.\n"
    )


def _translated(name, values):
    return {f"{name}_{code}": value for code, value in zip(LANGS, values, strict=True)}


def _ensure_series():
    defaults = {"founded_year": 2001}
    for name, values in IDM_SERIES.items():
        defaults |= _translated(name, values)
    return Series.objects.get_or_create(slug="idm", defaults=defaults)


def _ensure_event(spec):
    """Create the event, its sessions and speakers unless its slug exists; True when created."""
    if Event.objects.filter(slug=spec["slug"]).exists():
        return False
    event = Event(**{key: value for key, value in spec.items() if key not in ("text", "sessions")})
    for name, values in spec["text"].items():
        for field, value in _translated(name, values).items():
            setattr(event, field, value)
    event.full_clean()
    event.save()
    for start, end, titles, people in spec["sessions"]:
        session = Session(event=event, start=start, end=end, **_translated("title", titles))
        session.full_clean()
        session.save()
        for position, (role, name, affiliations) in enumerate(people):
            speaker, _created = Speaker.objects.get_or_create(
                name=name, defaults=_translated("affiliation", affiliations)
            )
            Participation.objects.create(
                session=session, speaker=speaker, role=role, position=position
            )
    return True


def _at(zone, day, hour, minute=0):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=zone)


def _idm_new_york(idm):
    first, second = datetime.date(2024, 5, 21), datetime.date(2024, 5, 22)
    tracks = IDM_TRACKS
    sessions = [
        (_at(NEW_YORK, first, 10), _at(NEW_YORK, first, 13), tracks[0], []),
        (_at(NEW_YORK, first, 15), _at(NEW_YORK, first, 18), tracks[1], []),
        (
            _at(NEW_YORK, second, 10),
            _at(NEW_YORK, second, 13),
            tracks[2],
            [(Participation.Role.SPEAKER, "Kofi Kinaata", KOFI_KINAATA)],
        ),
        (_at(NEW_YORK, second, 15), _at(NEW_YORK, second, 18), tracks[3], []),
    ]
    return {
        "slug": IDM_NEW_YORK_SLUG,
        "series": idm,
        "status": Event.Status.PUBLISHED,
        "start": _at(NEW_YORK, first, 10),
        "end": _at(NEW_YORK, second, 18),
        "time_zone": "America/New_York",
        "format": Event.Format.IN_PERSON,
        "text": IDM_NEW_YORK,
        "sessions": sessions,
    }


def _idm_geneva(idm):
    return {
        "slug": "idm-2024-geneva",
        "series": idm,
        "status": Event.Status.PUBLISHED,
        "period_start": datetime.date(2024, 5, 24),
        "period_end": datetime.date(2024, 12, 31),
        "time_zone": "Europe/Zurich",
        "format": Event.Format.IN_PERSON,
        "text": IDM_GENEVA,
        "sessions": [],
    }


def _fictional(*, now):
    """Two upcoming events and a draft, about a month and two months after the first load."""
    geneva = ZoneInfo("Europe/Zurich")
    bangkok = ZoneInfo("Asia/Bangkok")
    briefing_day = timezone.localdate(now) + datetime.timedelta(days=30)
    consultation_day = timezone.localdate(now) + datetime.timedelta(days=60)
    next_day = consultation_day + datetime.timedelta(days=1)
    return [
        {
            "slug": "briefing-migration-data",
            "status": Event.Status.PUBLISHED,
            "start": _at(geneva, briefing_day, 15),
            "end": _at(geneva, briefing_day, 16, 30),
            "time_zone": "Europe/Zurich",
            "format": Event.Format.ONLINE,
            "webcast_url": "https://example.org/webcast",
            "text": BRIEFING,
            "sessions": [
                (
                    _at(geneva, briefing_day, 15),
                    _at(geneva, briefing_day, 16, 30),
                    BRIEFING_SESSION,
                    [
                        (Participation.Role.MODERATOR, "Claire Martin", DEMO_AFFILIATIONS[0]),
                        (Participation.Role.SPEAKER, "Daniel Otieno", DEMO_AFFILIATIONS[1]),
                    ],
                ),
            ],
        },
        {
            "slug": "regional-consultation-asia-pacific",
            "status": Event.Status.PUBLISHED,
            "start": _at(bangkok, consultation_day, 9),
            "end": _at(bangkok, next_day, 13),
            "time_zone": "Asia/Bangkok",
            "format": Event.Format.HYBRID,
            "registration_url": "https://example.org/register",
            "text": CONSULTATION,
            "sessions": [
                (
                    _at(bangkok, consultation_day, 9),
                    _at(bangkok, consultation_day, 10, 30),
                    CONSULTATION_SESSIONS[0],
                    [(Participation.Role.MODERATOR, "Mai Nguyen", DEMO_AFFILIATIONS[2])],
                ),
                (
                    _at(bangkok, consultation_day, 11),
                    _at(bangkok, consultation_day, 13),
                    CONSULTATION_SESSIONS[1],
                    [
                        (Participation.Role.MODERATOR, "Mai Nguyen", DEMO_AFFILIATIONS[2]),
                        (Participation.Role.SPEAKER, "Daniel Otieno", DEMO_AFFILIATIONS[1]),
                    ],
                ),
                (
                    _at(bangkok, next_day, 9),
                    _at(bangkok, next_day, 13),
                    CONSULTATION_SESSIONS[2],
                    [(Participation.Role.SPEAKER, "Claire Martin", DEMO_AFFILIATIONS[0])],
                ),
            ],
        },
        {
            "slug": "draft-workshop-labour-mobility",
            "status": Event.Status.DRAFT,
            "start": _at(geneva, consultation_day, 9),
            "end": _at(geneva, consultation_day, 17),
            "time_zone": "Europe/Zurich",
            "format": Event.Format.IN_PERSON,
            "text": DRAFT,
            "sessions": [],
        },
    ]


# The text. ----------------------------------------------------------------------------------------

IDM_LINK = "https://www.iom.int/international-dialogue-migration"


def _about(paragraphs, intro, bullets):
    items = "".join(f"<li>{bullet}</li>" for bullet in bullets)
    return "".join(f"<p>{p}</p>" for p in (*paragraphs, intro)) + f"<ul>{items}</ul>"


# The French About text is IOM's, word for word (typography included); English and Spanish are
# ours.
IDM_ABOUT_FR = _about(
    [
        "Le Dialogue international sur la migration (IDM) offre un endroit de discussion aux "
        "États membres et observateurs de l'OIM, ainsi qu'aux organisations internationales et non "
        "gouvernementales et à d'autres partenaires, pour partager leurs expériences et leurs "
        "points de vue sur les questions migratoires contemporaines afin de trouver des solutions "
        "pratiques et d'encourager une plus grande coopération.",
        "Les dernières décennies ont vu se multiplier des initiatives intergouvernementales, entre "
        "autres, visant à élaborer des approches communes de la migration. Le Dialogue "
        "international sur la migration de l'OIM a réuni pour la première fois tous les acteurs "
        "de la migration, au niveau mondial, pour des discussions libres et ouvertes autour des "
        "opportunités et des défis que présente la migration.",
        "Fondé en 2001 et inscrit dans la Constitution et dans la stratégie de l'OIM, le Dialogue "
        "international sur la migration est ouvert à l'ensemble des 175 États membres de l'OIM et "
        "aux huit États observateurs, ainsi qu'aux organisations internationales et non "
        "gouvernementales, aux migrants et aux partenaires des médias, du monde universitaire et "
        "du secteur privé. L'IDM offre un espace de réflexion pour analyser les questions "
        "actuelles et émergentes en matière de gouvernance des migrations et pour échanger des "
        "expériences, des approches politiques et des pratiques efficaces.",
    ],
    "L'IDM offre une plateforme mondiale pour :",
    [
        "faire le point et discuter des questions actuelles et émergentes en matière de "
        "gouvernance des migrations",
        "échanger des expériences, des approches politiques et des pratiques efficaces en matière "
        "de solutions migratoires intégrées",
        "identifier les opportunités et formuler des recommandations pour accélérer les "
        "engagements mondiaux, en promouvant une migration humaine et ordonnée bénéfique pour "
        "tous.",
    ],
)

IDM_ABOUT_EN = _about(
    [
        "The International Dialogue on Migration (IDM) offers IOM Member States and observers, "
        "as well as international and non-governmental organizations and other partners, a forum "
        "to share their experiences and views on contemporary migration issues, in order to find "
        "practical solutions and encourage greater cooperation.",
        "Recent decades have seen a growing number of intergovernmental and other initiatives "
        "aimed at developing common approaches to migration. IOM’s International Dialogue on "
        "Migration was the first to bring together all migration actors at the global level for "
        "free and open discussions on the opportunities and challenges that migration presents.",
        "Founded in 2001 and anchored in IOM’s Constitution and strategy, the International "
        "Dialogue on Migration is open to all 175 IOM Member States and the eight observer States, "
        "as well as to international and non-governmental organizations, migrants and partners "
        "from the media, academia and the private sector. The IDM offers a space for reflection "
        "to analyse current and emerging issues in migration governance and to exchange "
        "experiences, policy approaches and effective practices.",
    ],
    "The IDM provides a global platform to:",
    [
        "take stock of and discuss current and emerging issues in migration governance",
        "exchange experiences, policy approaches and effective practices on integrated migration "
        "solutions",
        "identify opportunities and make recommendations to accelerate global commitments, "
        "promoting humane and orderly migration that benefits all.",
    ],
)

IDM_ABOUT_ES = _about(
    [
        "El Diálogo Internacional sobre la Migración (IDM) ofrece a los Estados Miembros y "
        "observadores de la OIM, así como a las organizaciones internacionales y no "
        "gubernamentales y a otros asociados, un espacio de debate para compartir sus "
        "experiencias y puntos de vista sobre las cuestiones migratorias contemporáneas, con el "
        "fin de encontrar soluciones prácticas y fomentar una mayor cooperación.",
        "En las últimas décadas se han multiplicado las iniciativas intergubernamentales, entre "
        "otras, destinadas a elaborar enfoques comunes de la migración. El Diálogo Internacional "
        "sobre la Migración de la OIM fue el primero en reunir a todos los actores de la "
        "migración, a escala mundial, para debatir de forma libre y abierta las oportunidades y "
        "los desafíos que plantea la migración.",
        "Fundado en 2001 y consagrado en la Constitución y la estrategia de la OIM, el Diálogo "
        "Internacional sobre la Migración está abierto a los 175 Estados Miembros de la OIM y a "
        "los ocho Estados observadores, así como a las organizaciones internacionales y no "
        "gubernamentales, a los migrantes y a los asociados de los medios de comunicación, el "
        "mundo académico y el sector privado. El IDM ofrece un espacio de reflexión para analizar "
        "las cuestiones actuales y emergentes en materia de gobernanza de la migración e "
        "intercambiar experiencias, enfoques normativos y prácticas eficaces.",
    ],
    "El IDM ofrece una plataforma mundial para:",
    [
        "hacer balance y debatir las cuestiones actuales y emergentes en materia de gobernanza de "
        "la migración",
        "intercambiar experiencias, enfoques normativos y prácticas eficaces en materia de "
        "soluciones migratorias integradas",
        "detectar oportunidades y formular recomendaciones para acelerar los compromisos "
        "mundiales, promoviendo una migración humana y ordenada que beneficie a todos.",
    ],
)

# Field name: (fr, en, es).
IDM_SERIES = {
    "name": (
        "Dialogue international sur la migration",
        "International Dialogue on Migration",
        "Diálogo Internacional sobre la Migración",
    ),
    "acronym": ("IDM", "IDM", "IDM"),
    "description": (
        "Le principal forum de l'OIM sur les politiques migratoires, ouvert aux États membres et "
        "observateurs, aux organisations internationales et non gouvernementales, aux migrants et "
        "à leurs partenaires.",
        "IOM’s principal forum for migration policy, open to Member States and observers, "
        "international and non-governmental organizations, migrants and their partners.",
        "El principal foro de la OIM sobre políticas migratorias, abierto a los Estados Miembros "
        "y observadores, las organizaciones internacionales y no gubernamentales, los migrantes y "
        "sus asociados.",
    ),
    "about_heading": (
        "À propos du Dialogue international sur la migration",
        "About the International Dialogue on Migration",
        "Acerca del Diálogo Internacional sobre la Migración",
    ),
    "about": (IDM_ABOUT_FR, IDM_ABOUT_EN, IDM_ABOUT_ES),
}

IDM_NEW_YORK = {
    "title": (
        "Dialogue international sur la migration 2024 : faciliter les voies de migration "
        "régulières (New York)",
        "International Dialogue on Migration 2024: Facilitating Regular Migration Pathways "
        "(New York)",
        "Diálogo Internacional sobre la Migración 2024: facilitar las vías de migración regular "
        "(Nueva York)",
    ),
    "summary": (
        "Deux jours de débats entre États membres, migrants, système des Nations Unies, société "
        "civile, jeunes, secteur privé et monde universitaire sur les moyens de renforcer et de "
        "multiplier les voies de migration régulières.",
        "Two days of discussions among Member States, migrants, the United Nations system, civil "
        "society, youth, the private sector and academia on ways to strengthen and expand regular "
        "migration pathways.",
        "Dos días de debates entre Estados Miembros, migrantes, el sistema de las Naciones "
        "Unidas, la sociedad civil, los jóvenes, el sector privado y el mundo académico sobre las "
        "formas de reforzar y ampliar las vías de migración regular.",
    ),
    "body": (
        "<p>Les débats ont porté sur quatre pistes d'action : l'action multilatérale et les "
        "partenariats, l'engagement au niveau local, les voix des migrants et des diasporas, "
        "l'innovation et la technologie.</p>"
        f'<p>Le programme complet est disponible sur le <a href="{IDM_LINK}">site web de '
        "l'IDM</a>.</p>",
        "<p>The discussions covered four areas of action: multilateral action and partnerships, "
        "engagement at the local level, the voices of migrants and diasporas, and innovation and "
        "technology.</p>"
        f'<p>The full programme is available on the <a href="{IDM_LINK}">IDM website</a>.</p>',
        "<p>Los debates abordaron cuatro líneas de acción: la acción multilateral y las "
        "alianzas, la participación a nivel local, las voces de los migrantes y las diásporas, y "
        "la innovación y la tecnología.</p>"
        f'<p>El programa completo está disponible en el <a href="{IDM_LINK}">sitio web del '
        "IDM</a>.</p>",
    ),
    "city": ("New York", "New York", "Nueva York"),
    "country": ("États-Unis", "United States", "Estados Unidos"),
}

# The four areas of action of the release, as the sessions of the New York agenda.
IDM_TRACKS = [
    (
        "Action multilatérale et partenariats efficaces à tous les niveaux",
        "Multilateral action and effective partnerships at all levels",
        "Acción multilateral y alianzas eficaces a todos los niveles",
    ),
    (
        "Engagement au niveau local avec les communautés et les autorités locales",
        "Engagement at the local level with communities and local authorities",
        "Participación a nivel local con las comunidades y las autoridades locales",
    ),
    (
        "Les voix des migrants et des diasporas",
        "The voices of migrants and diasporas",
        "Las voces de los migrantes y las diásporas",
    ),
    (
        "Innovation et technologie au service des voies de migration régulières",
        "Innovation and technology for regular migration pathways",
        "Innovación y tecnología al servicio de las vías de migración regular",
    ),
]

KOFI_KINAATA = (
    "Musicien ghanéen, ambassadeur national de bonne volonté de l'OIM",
    "Ghanaian musician, IOM National Goodwill Ambassador",
    "Músico ghanés, Embajador Nacional de Buena Voluntad de la OIM",
)

IDM_GENEVA = {
    "title": (
        "Dialogue international sur la migration 2024 : deuxième session (Genève)",
        "International Dialogue on Migration 2024: Second Session (Geneva)",
        "Diálogo Internacional sobre la Migración 2024: segunda sesión (Ginebra)",
    ),
    "summary": (
        "La deuxième session de l'IDM 2024 se tiendra à Genève avant la fin de l'année ; les "
        "dates seront annoncées.",
        "The second session of the IDM 2024 will be held in Geneva before the end of the year; "
        "the dates will be announced.",
        "La segunda sesión del IDM 2024 se celebrará en Ginebra antes de que termine el año; las "
        "fechas se anunciarán.",
    ),
    "body": ("", "", ""),
    "city": ("Genève", "Geneva", "Ginebra"),
    "country": ("Suisse", "Switzerland", "Suiza"),
    "period_label": ("avant la fin de 2024", "before the end of 2024", "antes de finales de 2024"),
}

BRIEFING = {
    "title": (
        "Point presse : les nouvelles données sur les migrations",
        "Press briefing: the latest migration data",
        "Rueda de prensa: los nuevos datos sobre la migración",
    ),
    "summary": (
        "Présentation en ligne des dernières données de l'OIM sur les migrations, suivie de "
        "questions des journalistes.",
        "An online presentation of IOM’s latest migration data, followed by questions from "
        "journalists.",
        "Presentación en línea de los últimos datos de la OIM sobre la migración, seguida de "
        "preguntas de los periodistas.",
    ),
    "body": ("", "", ""),
    "city": ("", "", ""),
    "country": ("", "", ""),
}

BRIEFING_SESSION = (
    "Présentation des données et questions",
    "Presentation of the data and questions",
    "Presentación de los datos y preguntas",
)

CONSULTATION = {
    "title": (
        "Consultation régionale Asie-Pacifique sur la mobilité de main-d’œuvre",
        "Asia-Pacific regional consultation on labour mobility",
        "Consulta regional de Asia y el Pacífico sobre movilidad laboral",
    ),
    "summary": (
        "Gouvernements, employeurs et associations de migrants de la région font le point sur "
        "les voies de migration de main-d’œuvre équitables.",
        "Governments, employers and migrant associations from the region take stock of fair "
        "labour migration pathways.",
        "Gobiernos, empleadores y asociaciones de migrantes de la región hacen balance de las "
        "vías de migración laboral equitativas.",
    ),
    "body": ("", "", ""),
    "venue": (
        "Centre de conférences des Nations Unies",
        "United Nations Conference Centre",
        "Centro de Conferencias de las Naciones Unidas",
    ),
    "city": ("Bangkok", "Bangkok", "Bangkok"),
    "country": ("Thaïlande", "Thailand", "Tailandia"),
}

CONSULTATION_SESSIONS = [
    ("Ouverture et état des lieux", "Opening and stocktaking", "Apertura y balance"),
    ("Recrutement équitable", "Fair recruitment", "Contratación equitativa"),
    ("Reconnaissance des compétences", "Skills recognition", "Reconocimiento de competencias"),
]

DRAFT = {
    "title": (
        "Atelier sur la mobilité de main-d’œuvre (brouillon)",
        "Labour mobility workshop (draft)",
        "Taller sobre movilidad laboral (borrador)",
    ),
    "summary": ("Brouillon.", "Draft.", "Borrador."),
    "city": ("Genève", "Geneva", "Ginebra"),
    "country": ("Suisse", "Switzerland", "Suiza"),
}

DEMO_AFFILIATIONS = [
    ("Cheffe des données, OIM", "Head of data, IOM", "Jefa de datos, OIM"),
    (
        "Chargé de communication régional, OIM Nairobi",
        "Regional communications officer, IOM Nairobi",
        "Oficial regional de comunicación, OIM Nairobi",
    ),
    (
        "Chargée de communication régionale, OIM Bangkok",
        "Regional communications officer, IOM Bangkok",
        "Oficial regional de comunicación, OIM Bangkok",
    ),
]
