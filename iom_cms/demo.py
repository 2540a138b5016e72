"""Demo content of the site itself: the seed page's menu as simple pages.

The French texts of "Qui sommes nous" and "Notre travail" are the seed page's, word for word;
the other pages carry short descriptions of the sections, in the three languages. "Qui sommes
nous", the press releases and the events lead to their parts of the site (`section`).
The home page features the IDM 2024 release and its event.
"""

from django.db import transaction

from events.demo import IDM_NEW_YORK_SLUG
from events.models import Event
from pages.models import Feature, Page
from pressroom import demo as pressroom_demo

# (key, parent key, section, {language: (title, slug, body)})
PAGES = [
    (
        "who",
        None,
        "organisation:who-we-are",
        {
            "fr": (
                "Qui sommes nous",
                "qui-sommes-nous",
                "<p>L'Organisation internationale pour les migrations (OIM) fait partie du système "
                "des Nations Unies et est la première organisation intergouvernementale à promouvoir "
                "depuis 1951 une migration humaine et ordonnée qui profite à tous, composée de 175 "
                "Etats membres et présente dans 171 pays.</p>",
            ),
            "en": (
                "Who we are",
                "who-we-are",
                "<p>The International Organization for Migration (IOM) is part of the United Nations "
                "system and, since 1951, the leading intergovernmental organization promoting humane "
                "and orderly migration for the benefit of all, with 175 member states and a presence "
                "in 171 countries.</p>",
            ),
            "es": (
                "Quiénes somos",
                "quienes-somos",
                "<p>La Organización Internacional para las Migraciones (OIM) forma parte del sistema "
                "de las Naciones Unidas y es, desde 1951, la principal organización "
                "intergubernamental que promueve una migración humana y ordenada en beneficio de "
                "todos, con 175 Estados miembros y presencia en 171 países.</p>",
            ),
        },
    ),
    (
        "work",
        None,
        "",
        {
            "fr": (
                "Notre travail",
                "notre-travail",
                "<p>En tant que principale organisation intergouvernementale qui promeut depuis 1951 "
                "une migration humaine et ordonnée, l'OIM joue un rôle clé pour soutenir la "
                "réalisation du Programme 2030 à travers différents domaines d'intervention qui "
                "relient à la fois l'aide humanitaire et le développement durable.</p>",
            ),
            "en": (
                "Our work",
                "our-work",
                "<p>As the leading intergovernmental organization promoting humane and orderly "
                "migration since 1951, IOM plays a key role in supporting the achievement of the "
                "2030 Agenda through different areas of intervention that connect humanitarian "
                "assistance and sustainable development.</p>",
            ),
            "es": (
                "Nuestro trabajo",
                "nuestro-trabajo",
                "<p>Como principal organización intergubernamental que promueve desde 1951 una "
                "migración humana y ordenada, la OIM desempeña un papel clave en el logro de la "
                "Agenda 2030 a través de distintos ámbitos de intervención que vinculan la asistencia "
                "humanitaria y el desarrollo sostenible.</p>",
            ),
        },
    ),
    (
        "what",
        "work",
        "",
        {
            "fr": (
                "Ce que nous faisons",
                "ce-que-nous-faisons",
                "<p>L'OIM apporte une aide d'urgence aux personnes déplacées, accompagne le retour et "
                "la réintégration des migrants, protège les personnes vulnérables, facilite la "
                "mobilité de la main-d'œuvre et aide les États à gérer les migrations.</p>",
            ),
            "en": (
                "What we do",
                "what-we-do",
                "<p>IOM provides emergency assistance to displaced people, supports the return and "
                "reintegration of migrants, protects people in vulnerable situations, facilitates "
                "labour mobility and helps states manage migration.</p>",
            ),
            "es": (
                "Lo que hacemos",
                "lo-que-hacemos",
                "<p>La OIM presta asistencia de emergencia a las personas desplazadas, apoya el "
                "retorno y la reintegración de los migrantes, protege a las personas vulnerables, "
                "facilita la movilidad laboral y ayuda a los Estados a gestionar la migración.</p>",
            ),
        },
    ),
    (
        "partnerships",
        "work",
        "",
        {
            "fr": (
                "Partenariats",
                "partenariats",
                "<p>L'OIM travaille avec les États membres, les agences des Nations Unies, la société "
                "civile, le secteur privé et les diasporas pour que la migration profite à tous.</p>",
            ),
            "en": (
                "Partnerships",
                "partnerships",
                "<p>IOM works with member states, United Nations agencies, civil society, the private "
                "sector and diasporas so that migration benefits all.</p>",
            ),
            "es": (
                "Alianzas",
                "alianzas",
                "<p>La OIM colabora con los Estados miembros, los organismos de las Naciones Unidas, "
                "la sociedad civil, el sector privado y las diásporas para que la migración "
                "beneficie a todos.</p>",
            ),
        },
    ),
    (
        "where",
        None,
        "",
        {
            "fr": (
                "Où travaillons-nous",
                "ou-travaillons-nous",
                "<p>Présente dans 171 pays, l'OIM s'appuie sur ses bureaux régionaux et ses bureaux "
                "de pays pour agir au plus près des migrants et des communautés qui les "
                "accueillent.</p>",
            ),
            "en": (
                "Where we work",
                "where-we-work",
                "<p>Present in 171 countries, IOM relies on its regional and country offices to work "
                "as close as possible to migrants and the communities that host them.</p>",
            ),
            "es": (
                "Dónde trabajamos",
                "donde-trabajamos",
                "<p>Presente en 171 países, la OIM se apoya en sus oficinas regionales y en sus "
                "oficinas en los países para actuar lo más cerca posible de los migrantes y de las "
                "comunidades que los acogen.</p>",
            ),
        },
    ),
    (
        "act",
        None,
        "",
        {
            "fr": (
                "Agir",
                "agir",
                "<p>Rejoignez nos équipes, soutenez nos programmes ou faites entendre la voix des "
                "migrants : il existe de nombreuses façons d'agir avec l'OIM.</p>",
            ),
            "en": (
                "Take action",
                "take-action",
                "<p>Join our teams, support our programmes or help migrants' voices be heard: there "
                "are many ways to take action with IOM.</p>",
            ),
            "es": (
                "Actuar",
                "actuar",
                "<p>Únase a nuestros equipos, apoye nuestros programas o haga oír la voz de los "
                "migrantes: hay muchas maneras de actuar con la OIM.</p>",
            ),
        },
    ),
    (
        "jobs",
        "act",
        "",
        {
            "fr": (
                "Travailler avec nous",
                "travailler-avec-nous",
                "<p>L'OIM recrute du personnel et des consultants dans le monde entier. Les postes "
                "vacants sont publiés sur le site carrières de l'Organisation.</p>",
            ),
            "en": (
                "Work with us",
                "work-with-us",
                "<p>IOM recruits staff and consultants around the world. Vacancies are published on "
                "the Organization's careers site.</p>",
            ),
            "es": (
                "Trabaje con nosotros",
                "trabaje-con-nosotros",
                "<p>La OIM contrata personal y consultores en todo el mundo. Las vacantes se publican "
                "en el sitio de empleo de la Organización.</p>",
            ),
        },
    ),
    (
        "involved",
        "act",
        "",
        {
            "fr": (
                "Engagez-vous",
                "engagez-vous",
                "<p>Partagez nos campagnes, participez aux journées internationales et soutenez les "
                "initiatives locales en faveur de l'inclusion des migrants.</p>",
            ),
            "en": (
                "Get involved",
                "get-involved",
                "<p>Share our campaigns, take part in international days and support local "
                "initiatives for the inclusion of migrants.</p>",
            ),
            "es": (
                "Participe",
                "participe",
                "<p>Comparta nuestras campañas, participe en los días internacionales y apoye las "
                "iniciativas locales a favor de la inclusión de los migrantes.</p>",
            ),
        },
    ),
    (
        "data",
        None,
        "",
        {
            "fr": (
                "Données et recherche",
                "donnees-et-recherche",
                "<p>L'OIM produit des données et des analyses sur la migration et les déplacements, "
                "dont le Rapport État de la migration dans le monde et la Matrice de suivi des "
                "déplacements.</p>",
            ),
            "en": (
                "Data and research",
                "data-and-research",
                "<p>IOM produces data and analysis on migration and displacement, including the World "
                "Migration Report and the Displacement Tracking Matrix.</p>",
            ),
            "es": (
                "Datos e investigación",
                "datos-e-investigacion",
                "<p>La OIM produce datos y análisis sobre migración y desplazamiento, entre ellos el "
                "Informe sobre las Migraciones en el Mundo y la Matriz de Seguimiento de los "
                "Desplazamientos.</p>",
            ),
        },
    ),
    (
        "agenda",
        None,
        "",
        {
            "fr": (
                "Agenda 2030",
                "agenda-2030",
                "<p>La migration est prise en compte dans plusieurs cibles des objectifs de "
                "développement durable. L'OIM aide les États à intégrer la migration dans leurs "
                "plans pour atteindre ces objectifs.</p>",
            ),
            "en": (
                "2030 Agenda",
                "2030-agenda",
                "<p>Migration is part of several targets of the Sustainable Development Goals. IOM "
                "helps states include migration in their plans to reach these goals.</p>",
            ),
            "es": (
                "Agenda 2030",
                "agenda-2030",
                "<p>La migración forma parte de varias metas de los Objetivos de Desarrollo "
                "Sostenible. La OIM ayuda a los Estados a integrar la migración en sus planes para "
                "alcanzarlos.</p>",
            ),
        },
    ),
    (
        "news",
        None,
        "pressroom:list",
        {
            "fr": ("Communiqués de presse", "communiques", ""),
            "en": ("Press releases", "press-releases", ""),
            "es": ("Comunicados de prensa", "comunicados", ""),
        },
    ),
    (
        "events",
        None,
        "events:list",
        {
            "fr": ("Événements", "evenements", ""),
            "en": ("Events", "events", ""),
            "es": ("Eventos", "eventos", ""),
        },
    ),
]


@transaction.atomic
def load(*, stdout=None):
    """Create the demo pages once; existing pages (by French slug) are left as editors left them."""
    pages = {}
    created = 0
    for order, (key, parent_key, section, versions) in enumerate(PAGES, start=1):
        parent = pages.get(parent_key)
        fields = {
            "parent": parent,
            "order": order,
            "in_menu": True,
            "is_published": True,
            "section": section,
            "original_language": "fr",
        }
        for code, (title, slug, body) in versions.items():
            fields.update({f"title_{code}": title, f"slug_{code}": slug, f"body_{code}": body})
        page = Page.objects.filter(slug_fr=versions["fr"][1], parent=parent).first()
        if page is None:
            page = Page(**fields)
            page.full_clean()
            page.save()
            created += 1
        pages[key] = page
    features = _feature_idm()
    if stdout:
        stdout.write(f"Pages: {len(pages)}, {created} created. Featured items: {features}.")


def _feature_idm():
    """The IDM release and the IDM event first on the home page, once each."""
    targets = [
        {"release": pressroom_demo.idm_release()},
        {"event": Event.objects.filter(slug=IDM_NEW_YORK_SLUG).first()},
    ]
    for order, target in enumerate(targets, start=1):
        if None not in target.values():
            Feature.objects.get_or_create(**target, defaults={"order": order})
    return Feature.objects.count()
