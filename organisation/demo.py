"""Demo content for the organisation, loaded by `manage.py load_demo` before the press room's.

The structure of IOM's headquarters as the seed page "Qui sommes nous" names it (its French names
word for word: the Director General's and her deputies' posts, the offices of the Chief of Staff,
of Partnerships, Advocacy and Communication, and of Strategy and Institutional Performance), with
the main divisions under them as IOM publishes them in English, translated into French and
Spanish; the independent offices reporting to the Director General; the Director General,
Amy Pope, as the holder of her post; and the profile, whose French mission statement is the seed's
paragraph word for word. Posts whose holders the seed does not name are shown without one.

Loading is idempotent: units and people are looked up by slug, the profile is the single row,
and a unit gets its demo post only while it has none. What exists is left as editors left it.
"""

import datetime
import sys

from django.db import transaction

from . import services
from .models import Appointment, Person, Position, Profile, Unit

K = Unit.Kind


@transaction.atomic
def load(*, stdout=None):
    stdout = stdout or sys.stdout
    units, units_created = _ensure_units()
    posts_created = sum(_ensure_post(units[slug], *post) for slug, *post in POSTS)
    people_created = sum(_ensure_person(**person) for person in PEOPLE)
    _profile, profile_created = Profile.objects.get_or_create(pk=1, defaults=PROFILE)
    stdout.write(
        f"Units: {len(units)}, {units_created} created. Posts: {len(POSTS)}, {posts_created} "
        f"created. People: {len(PEOPLE)}, {people_created} created. "
        f"Profile: {'created' if profile_created else 'unchanged'}.\n"
    )


def _ensure_units():
    units, created = {}, 0
    for slug, parent_slug, kind, names, short_names in UNITS:
        unit = Unit.objects.filter(slug=slug).first()
        if unit is None:
            fields = {f"name_{code}": name for code, name in zip(LANGS, names, strict=True)}
            fields |= {
                f"short_name_{code}": name
                for code, name in zip(LANGS, short_names or ("", "", ""), strict=True)
            }
            unit = services.unit_create(
                parent=units[parent_slug] if parent_slug else None, slug=slug, kind=kind, **fields
            )
            created += 1
        units[slug] = unit
    return units, created


def _ensure_post(unit, titles, in_leadership_team):
    if unit.positions.exists():
        return False
    position = Position(
        in_leadership_team=in_leadership_team,
        **{f"title_{code}": title for code, title in zip(LANGS, titles, strict=True)},
    )
    services.position_move(position=position, new_unit=unit)
    return True


def _ensure_person(*, slug, name, appointments):
    person, created = Person.objects.get_or_create(slug=slug, defaults={"name": name})
    for unit_slug, start_date in appointments:
        position = Position.objects.filter(unit__slug=unit_slug).order_by("order").first()
        if position and not person.appointments.filter(position=position).exists():
            appointment = Appointment(person=person, position=position, start_date=start_date)
            appointment.full_clean()
            appointment.save()
    return created


LANGS = ("fr", "en", "es")  # the order of the (fr, en, es) tuples below

# (slug, parent's slug, kind, names (fr, en, es), short names or None), parents first, each list
# of siblings in the order shown.
UNITS = [
    (
        "office-of-the-director-general",
        None,
        K.OFFICE,
        (
            "Bureau de la Directrice générale",
            "Office of the Director General",
            "Oficina de la Directora General",
        ),
        None,
    ),
    (
        "deputy-director-general-management-and-reform",
        "office-of-the-director-general",
        K.OFFICE,
        (
            "Directrice générale adjointe chargée de la gestion et des réformes",
            "Deputy Director General for Management and Reform",
            "Directora General Adjunta de Gestión y Reforma",
        ),
        ("Gestion et réformes", "Management and Reform", "Gestión y Reforma"),
    ),
    (
        "deputy-director-general-operations",
        "office-of-the-director-general",
        K.OFFICE,
        (
            "Directrice générale adjointe chargée des opérations",
            "Deputy Director General for Operations",
            "Directora General Adjunta de Operaciones",
        ),
        ("Opérations", "Operations", "Operaciones"),
    ),
    (
        "office-of-the-chief-of-staff",
        "office-of-the-director-general",
        K.OFFICE,
        (
            "Bureau du Chef de Cabinet",
            "Office of the Chief of Staff",
            "Oficina del Jefe de Gabinete",
        ),
        None,
    ),
    (
        "office-of-partnerships-advocacy-and-communication",
        "office-of-the-director-general",
        K.OFFICE,
        (
            "Bureau des partenariats, de la sensibilisation et de la communication",
            "Office of Partnerships, Advocacy and Communication",
            "Oficina de Alianzas, Promoción y Comunicación",
        ),
        None,
    ),
    (
        "office-of-strategy-and-institutional-performance",
        "office-of-the-director-general",
        K.OFFICE,
        (
            "Bureau de la stratégie et de la performance institutionnelle",
            "Office of Strategy and Institutional Performance",
            "Oficina de Estrategia y Desempeño Institucional",
        ),
        None,
    ),
    (
        "legal-affairs",
        "office-of-the-director-general",
        K.INDEPENDENT_OFFICE,
        (
            "Bureau des affaires juridiques",
            "Office of Legal Affairs",
            "Oficina de Asuntos Jurídicos",
        ),
        ("Affaires juridiques", "Legal Affairs", "Asuntos Jurídicos"),
    ),
    (
        "ombudsperson",
        "office-of-the-director-general",
        K.INDEPENDENT_OFFICE,
        ("Bureau de l’Ombudsman", "Office of the Ombudsperson", "Oficina del Ombudsman"),
        ("Ombudsman", "Ombudsperson", "Ombudsman"),
    ),
    (
        "internal-oversight",
        "office-of-the-director-general",
        K.INDEPENDENT_OFFICE,
        (
            "Bureau du contrôle interne",
            "Office of Internal Oversight",
            "Oficina de Supervisión Interna",
        ),
        ("Contrôle interne", "Internal Oversight", "Supervisión Interna"),
    ),
    (
        "ethics",
        "office-of-the-director-general",
        K.INDEPENDENT_OFFICE,
        (
            "Bureau de la déontologie et de la conduite",
            "Ethics and Conduct Office",
            "Oficina de Ética y Conducta",
        ),
        ("Déontologie", "Ethics", "Ética"),
    ),
    # Deputy Director General for Management and Reform
    *[
        (slug, "deputy-director-general-management-and-reform", K.DIVISION, names, None)
        for slug, names in [
            (
                "financial-and-administrative-management",
                (
                    "Gestion financière et administrative",
                    "Financial and Administrative Management",
                    "Gestión Financiera y Administrativa",
                ),
            ),
            (
                "staff-health-and-welfare",
                (
                    "Santé et bien-être du personnel",
                    "Staff Health and Welfare",
                    "Salud y Bienestar del Personal",
                ),
            ),
            (
                "global-shared-services",
                (
                    "Services partagés mondiaux",
                    "Global Shared Services",
                    "Servicios Compartidos Mundiales",
                ),
            ),
            (
                "change-management",
                ("Gestion du changement", "Change Management", "Gestión del Cambio"),
            ),
            (
                "human-resources-management",
                (
                    "Gestion des ressources humaines",
                    "Human Resources Management",
                    "Gestión de Recursos Humanos",
                ),
            ),
            (
                "information-and-communications-technology",
                (
                    "Technologies de l’information et des communications",
                    "Information and Communications Technology",
                    "Tecnologías de la Información y las Comunicaciones",
                ),
            ),
            (
                "supply-chain",
                ("Chaîne d’approvisionnement", "Supply Chain", "Cadena de Suministro"),
            ),
        ]
    ],
    # Deputy Director General for Operations
    *[
        (slug, "deputy-director-general-operations", K.DIVISION, names, None)
        for slug, names in [
            (
                "humanitarian-response-and-recovery",
                (
                    "Intervention humanitaire et relèvement",
                    "Humanitarian Response and Recovery",
                    "Respuesta Humanitaria y Recuperación",
                ),
            ),
            ("protection", ("Protection", "Protection", "Protección")),
            (
                "data-insight-and-policy-coordination",
                (
                    "Données, analyse et coordination des politiques",
                    "Data, Insight and Policy Coordination",
                    "Datos, Análisis y Coordinación de Políticas",
                ),
            ),
            (
                "mobility-pathways-and-inclusion",
                (
                    "Voies de mobilité et inclusion",
                    "Mobility Pathways and Inclusion",
                    "Vías de Movilidad e Inclusión",
                ),
            ),
            ("climate-action", ("Action climatique", "Climate Action", "Acción Climática")),
            (
                "staff-security",
                ("Sécurité du personnel", "Staff Security", "Seguridad del Personal"),
            ),
        ]
    ],
    # Office of the Chief of Staff
    (
        "regional-coordination-support",
        "office-of-the-chief-of-staff",
        K.DIVISION,
        (
            "Appui à la coordination régionale",
            "Regional Coordination Support",
            "Apoyo a la Coordinación Regional",
        ),
        None,
    ),
    (
        "special-liaison-office-addis-ababa",
        "office-of-the-chief-of-staff",
        K.OFFICE,
        (
            "Bureau spécial de liaison à Addis-Abeba",
            "Special Liaison Office in Addis Ababa",
            "Oficina Especial de Enlace en Addis Abeba",
        ),
        None,
    ),
    (
        "regional-offices",
        "office-of-the-chief-of-staff",
        K.FIELD_OFFICES,
        ("Bureaux régionaux", "Regional offices", "Oficinas regionales"),
        None,
    ),
    (
        "country-offices",
        "office-of-the-chief-of-staff",
        K.FIELD_OFFICES,
        ("Bureaux de pays", "Country offices", "Oficinas en los países"),
        None,
    ),
    # Office of Partnerships, Advocacy and Communication
    (
        "media-and-communications",
        "office-of-partnerships-advocacy-and-communication",
        K.DIVISION,
        ("Médias et communication", "Media and Communications", "Medios y Comunicación"),
        None,
    ),
    (
        "un-network-on-migration-secretariat",
        "office-of-partnerships-advocacy-and-communication",
        K.UNIT,
        (
            "Secrétariat du Réseau des Nations Unies sur les migrations",
            "UN Network on Migration Secretariat",
            "Secretaría de la Red de las Naciones Unidas sobre la Migración",
        ),
        None,
    ),
    (
        "partnerships-member-states-relations-and-resource-mobilization",
        "office-of-partnerships-advocacy-and-communication",
        K.DIVISION,
        (
            "Partenariats, relations avec les États membres et mobilisation des ressources",
            "Partnerships, Member States Relations and Resource Mobilization",
            "Alianzas, Relaciones con los Estados Miembros y Movilización de Recursos",
        ),
        None,
    ),
    (
        "iom-office-to-the-united-nations-new-york",
        "office-of-partnerships-advocacy-and-communication",
        K.OFFICE,
        (
            "Bureau de l’OIM auprès de l’Organisation des Nations Unies à New York",
            "IOM Office to the United Nations in New York",
            "Oficina de la OIM ante las Naciones Unidas en Nueva York",
        ),
        None,
    ),
    (
        "private-sector-partnerships",
        "office-of-partnerships-advocacy-and-communication",
        K.DIVISION,
        (
            "Partenariats avec le secteur privé",
            "Private Sector Partnerships",
            "Alianzas con el Sector Privado",
        ),
        None,
    ),
]

# (unit's slug, titles (fr, en, es), in the leadership team). The French titles of the Director
# General and her deputies are the seed's; the seed names the holder of the first one only.
POSTS = [
    (
        "office-of-the-director-general",
        ("Directrice générale", "Director General", "Directora General"),
        True,
    ),
    (
        "deputy-director-general-management-and-reform",
        (
            "Directrice générale adjointe chargée de la gestion et des réformes",
            "Deputy Director General for Management and Reform",
            "Directora General Adjunta de Gestión y Reforma",
        ),
        True,
    ),
    (
        "deputy-director-general-operations",
        (
            "Directrice générale adjointe chargée des opérations",
            "Deputy Director General for Operations",
            "Directora General Adjunta de Operaciones",
        ),
        True,
    ),
    (
        "office-of-the-chief-of-staff",
        ("Chef de Cabinet", "Chief of Staff", "Jefe de Gabinete"),
        True,
    ),
]

PEOPLE = [
    {
        "slug": "amy-pope",
        "name": "Amy Pope",
        # In post since 1 October 2023 (elected by the IOM Council in May 2023).
        "appointments": [("office-of-the-director-general", datetime.date(2023, 10, 1))],
    },
]

PROFILE = {
    "mission_statement_fr": (
        "L'Organisation internationale pour les migrations (OIM) fait partie du système des "
        "Nations Unies et est la première organisation intergouvernementale à promouvoir depuis "
        "1951 une migration humaine et ordonnée qui profite à tous, composée de 175 Etats membres "
        "et présente dans 171 pays."
    ),
    "mission_statement_en": (
        "The International Organization for Migration (IOM) is part of the United Nations system "
        "and, since 1951, the leading intergovernmental organization promoting humane and orderly "
        "migration for the benefit of all, with 175 member states and a presence in 171 "
        "countries."
    ),
    "mission_statement_es": (
        "La Organización Internacional para las Migraciones (OIM) forma parte del sistema de las "
        "Naciones Unidas y es, desde 1951, la principal organización intergubernamental que "
        "promueve una migración humana y ordenada en beneficio de todos, con 175 Estados miembros "
        "y presencia en 171 países."
    ),
    "founded_in": 1951,
    "member_states": 175,
    "countries_present": 171,
    # The seed's figures, also in the IDM 2024 release of 23 May 2024 ("175 États membres").
    "figures_checked_on": datetime.date(2024, 5, 23),
}
