"""Demo content for the press room, loaded by `manage.py load_demo`.

One real release, IOM's press release on the 2024 International Dialogue on Migration (the French
text word for word from iom.int, with our English and Spanish translations), and sixty fictional
ones, generated identically on every run from the building blocks at the end of this module, so
that lists, topic filters, language fallbacks, drafts and embargoes all have something to show.

Loading is idempotent: a release is looked up by its slug in its original language, a topic by its
slug, a contact by email. What exists is left as it is, including editors' changes. The code comes
first; the rest of the module is text.
"""

import datetime
import random
import sys
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify

from core.translated import LANGUAGE_CODES
from events.demo import IDM_NEW_YORK_SLUG
from events.models import Event
from organisation.models import Person, Unit

from .models import MediaContact, PressRelease, Topic

FR, EN, ES = "fr", "en", "es"
LANGS = (FR, EN, ES)  # the order of the (fr, en, es) tuples below
PUBLISHED, DRAFT = PressRelease.Status.PUBLISHED, PressRelease.Status.DRAFT


@transaction.atomic
def load(*, stdout=None):
    """Create the demo topics, contacts and releases that are missing, and print the counts."""
    stdout = stdout or sys.stdout
    topics, topics_created = _ensure_topics()
    contacts, contacts_created = _ensure_contacts()
    releases = [_idm_release(), *_generated_releases(now=timezone.now())]
    created = sum(_ensure_release(spec, topics, contacts) for spec in releases)
    _link_idm_release_to_its_event()
    _link_idm_release_to_organisation()

    per_language = ", ".join(
        f"{code} {sum(code in spec['text'] for spec in releases)}" for code in LANGUAGE_CODES
    )
    drafts = sum(spec["status"] == DRAFT for spec in releases)
    scheduled = sum(spec["scheduled"] for spec in releases)
    stdout.write(
        f"Press releases: {len(releases)} ({per_language}; {drafts} drafts, "
        f"{scheduled} scheduled), {created} created.\n"
        f"Topics: {len(topics)}, {topics_created} created. "
        f"Media contacts: {len(contacts)}, {contacts_created} created.\n"
    )


def _ensure_topics():
    topics, created = {}, 0
    for slug, *names in TOPICS:
        names = {f"name_{code}": name for code, name in zip(LANGS, names, strict=True)}
        topics[slug], was_created = Topic.objects.get_or_create(slug=slug, defaults=names)
        created += was_created
    return topics, created


def _ensure_contacts():
    contacts, created = {}, 0
    for email, name, roles, offices in CONTACTS:
        defaults = {"name": name}
        for code, role, office in zip(LANGS, roles, offices, strict=True):
            defaults |= {f"role_{code}": role, f"office_{code}": office}
        contacts[email], was_created = MediaContact.objects.get_or_create(
            email=email, defaults=defaults
        )
        created += was_created
    return contacts, created


def _ensure_release(spec, topics, contacts):
    """Create the release unless its original-language slug exists; True when created."""
    original = spec["original_language"]
    slug = spec["text"][original]["slug"]
    if PressRelease.objects.filter(**{f"slug_{original}": slug}).exists():
        return False
    release = PressRelease(
        status=spec["status"], published_at=spec["published_at"], original_language=original
    )
    for code, fields in spec["text"].items():
        for name, value in fields.items():
            setattr(release, f"{name}_{code}", value)
    # The untranslated attributes (`title`…) read the active language: make it the original one,
    # so that validation and the untranslated columns see the version that exists.
    with translation.override(original):
        release.full_clean()
        release.save()
    release.topics.set([topics[topic_slug] for topic_slug in spec["topics"]])
    release.contacts.set([contacts[email] for email in spec["contacts"]])
    return True


def _link_idm_release_to_organisation():
    """The IDM release was issued by Media and Communications and quotes Amy Pope.

    Set only where missing, so an editor's choice stays; skipped if the organisation's demo
    content is not there.
    """
    release = PressRelease.objects.filter(slug_fr=slugify(IDM[FR]["title"])).first()
    issuer = Unit.objects.filter(slug=IDM_ISSUED_BY).first()
    quoted = Person.objects.filter(slug__in=IDM_QUOTES)
    if release is None:
        return
    if release.issuing_unit_id is None and issuer is not None:
        release.issuing_unit = issuer
        release.save(update_fields=["issuing_unit"])
    if not release.quoted_people.exists():
        release.quoted_people.set(quoted)


def _link_idm_release_to_its_event():
    """The IDM release is about the IDM 2024 in New York, which the events demo loads first.

    Set only where missing, so an editor's choice stays.
    """
    event = Event.objects.filter(slug=IDM_NEW_YORK_SLUG).first()
    if event is not None:
        PressRelease.objects.filter(slug_fr=slugify(IDM[FR]["title"]), event=None).update(
            event=event
        )


def _paragraphs(paragraphs):
    return "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def _idm_release():
    text = {}
    for code, version in IDM.items():
        text[code] = {
            "title": version["title"],
            "slug": slugify(version["title"]),
            "lead": version["lead"],
            "dateline": version["dateline"],
            "body": _paragraphs(version["body"]),
            "note_to_editors": version["note_to_editors"],
        }
    return {
        "original_language": FR,
        "status": PUBLISHED,
        "scheduled": False,
        "published_at": datetime.datetime(2024, 5, 23, 10, 0, tzinfo=ZoneInfo("America/New_York")),
        "text": text,
        "topics": IDM_TOPICS,
        "contacts": ["rsoliman@iom.int", "media@iom.int"],
    }


def _generated_releases(*, now):
    """The fictional releases: the same ones on every run.

    Only the two embargoed ones depend on `now`: they are due 3 and 10 days after the first load
    (a later load finds them by slug and leaves them alone), and are simply public after that.
    """
    rng = random.Random(2024)
    profiles = [profile for profile, count in LANGUAGE_PROFILES for _ in range(count)]
    rng.shuffle(profiles)
    # All but the last two are spread over June 2022 to November 2024; those two are embargoed.
    local_times = _publication_times(rng, count=len(profiles) - 2)
    morning = timezone.localtime(now).replace(hour=9, minute=0, second=0, microsecond=0)
    scheduled = [morning + datetime.timedelta(days=3), morning + datetime.timedelta(days=10)]
    drafts = set(rng.sample(range(len(local_times) - 20, len(local_times)), 4))
    used_stories = set()
    used_slugs = {code: {slugify(IDM[code]["title"])} for code in LANGS}

    releases = []
    for index, (original, languages) in enumerate(profiles):
        subject, place = _pick_story(rng, original, used_stories)
        if index < len(local_times):
            where = GENEVA if subject.from_geneva else place
            published_at = local_times[index].replace(tzinfo=ZoneInfo(where.tz))
        else:
            published_at = scheduled[index - len(local_times)]
        releases.append(
            {
                "original_language": original,
                "status": DRAFT if index in drafts else PUBLISHED,
                "scheduled": published_at > now,
                "published_at": published_at,
                **_story(rng, subject, place, languages, used_slugs),
            }
        )
    return releases


def _publication_times(rng, *, count):
    """Working days about two weeks apart, at office hours; naive, as local to the dateline."""
    first, last = datetime.date(2022, 6, 1), datetime.date(2024, 11, 22)
    step = (last - first) / count
    times = []
    for index in range(count):
        day = first + step * index + datetime.timedelta(days=rng.randint(0, 7))
        if day.weekday() >= 5:  # a weekend: the Friday before
            day -= datetime.timedelta(days=day.weekday() - 4)
        time = datetime.time(rng.randint(8, 16), rng.choice((0, 15, 30, 45)))
        times.append(datetime.datetime.combine(day, time))
    return times


def _pick_story(rng, original, used_stories):
    """A subject and a place not used together yet, where a release in `original` is plausible.

    The least used subjects come first, so that every topic gets its share of releases.
    """

    def places(subject):
        return [
            key
            for key in subject.places
            if original in PLACES[key].originals and (subject.key, key) not in used_stories
        ]

    uses = {subject.key: 0 for subject in SUBJECTS}
    for subject_key, _place in used_stories:
        uses[subject_key] += 1
    candidates = [subject for subject in SUBJECTS if places(subject)]
    fewest = min(uses[subject.key] for subject in candidates)
    subject = rng.choice([subject for subject in candidates if uses[subject.key] == fewest])
    key = rng.choice(places(subject))
    used_stories.add((subject.key, key))
    return subject, PLACES[key]


def _story(rng, subject, place, languages, used_slugs):
    """The text in each of `languages`, with the topics and contacts of the release."""
    number = rng.randrange(*subject.number)
    amount = rng.randrange(*subject.amount) / 10 if subject.amount else 0
    count = rng.randint(2, min(4, len(subject.paragraphs)))
    chosen = sorted(rng.sample(range(len(subject.paragraphs)), count))
    paragraphs = [subject.paragraphs[i] for i in chosen]
    others = subject.topics[1:]
    topics = [subject.topics[0], *rng.sample(others, rng.randint(0, len(others)))]
    pool = [place.contact, "media@iom.int"]
    if subject.from_geneva:
        pool.reverse()
    contacts = list(dict.fromkeys(pool[: rng.choice((0, 1, 1, 2))]))
    dateline = GENEVA.city if subject.from_geneva else place.city

    text = {}
    for code in languages:
        i = LANGS.index(code)
        values = {
            "in": place.in_[i],
            "In": place.in_[i][0].upper() + place.in_[i][1:],
            "of": place.of[i],
            "n": _number(number, code),
            "amount": _dollars(amount, code),
        }
        title = subject.title[i].format(**values)
        text[code] = {
            "title": title,
            "slug": _unique_slug(title, used_slugs[code]),
            "lead": subject.lead[i].format(**values),
            "dateline": dateline[i],
            "body": _paragraphs(paragraph[i].format(**values) for paragraph in paragraphs),
        }
    return {"text": text, "topics": topics, "contacts": contacts}


def _unique_slug(title, used):
    base = slug = slugify(title)[:240]
    suffix = 2
    while slug in used:
        slug, suffix = f"{base}-{suffix}", suffix + 1
    used.add(slug)
    return slug


def _number(number, code):
    """12,500 in English; 12 500 in French and Spanish (Spanish groups from five digits)."""
    if code == EN:
        return f"{number:,}"
    if code == ES and number < 10_000:
        return str(number)
    return f"{number:,}".replace(",", "\N{NO-BREAK SPACE}")


def _dollars(millions, code):
    figure = f"{millions:g}"
    if code == EN:
        return f"USD {figure} million"
    figure = figure.replace(".", ",")
    if code == FR:
        return f"{figure} millions de dollars des États-Unis"
    return f"{figure} millones de dólares de los Estados Unidos"


# The text. ----------------------------------------------------------------------------------------

# (slug, French, English, Spanish)
TOPICS = [
    (
        "regular-pathways",
        "Voies de migration régulières",
        "Regular pathways",
        "Vías de migración regular",
    ),
    (
        "international-dialogue-on-migration",
        "Dialogue international sur la migration",
        "International Dialogue on Migration",
        "Diálogo Internacional sobre la Migración",
    ),
    ("partnerships", "Partenariats", "Partnerships", "Alianzas"),
    ("diaspora", "Diaspora", "Diaspora", "Diáspora"),
    (
        "innovation-and-technology",
        "Innovation et technologie",
        "Innovation and technology",
        "Innovación y tecnología",
    ),
    ("climate-change", "Changements climatiques", "Climate change", "Cambio climático"),
    (
        "migration-governance",
        "Gouvernance des migrations",
        "Migration governance",
        "Gobernanza de la migración",
    ),
    (
        "sustainable-development",
        "Développement durable",
        "Sustainable development",
        "Desarrollo sostenible",
    ),
    ("displacement", "Déplacements", "Displacement", "Desplazamiento"),
    ("emergencies", "Situations d’urgence", "Emergencies", "Emergencias"),
    (
        "return-and-reintegration",
        "Retour et réintégration",
        "Return and reintegration",
        "Retorno y reintegración",
    ),
    ("migration-health", "Migration et santé", "Migration health", "Migración y salud"),
    ("labour-mobility", "Mobilité de main-d’œuvre", "Labour mobility", "Movilidad laboral"),
    (
        "counter-trafficking",
        "Lutte contre la traite",
        "Counter-trafficking",
        "Lucha contra la trata",
    ),
    ("data-and-research", "Données et recherche", "Data and research", "Datos e investigación"),
]

# (email, name, roles (fr, en, es), offices (fr, en, es)). The first two are those of the IDM
# release; the regional officers are fictional, hence their example.org addresses.
CONTACTS = [
    (
        "rsoliman@iom.int",
        "Rahma Soliman",
        ("Chargée de communication", "Communications officer", "Oficial de comunicación"),
        ("New York", "New York", "Nueva York"),
    ),
    (
        "media@iom.int",
        "OIM / IOM",
        ("Équipe médias", "Media team", "Equipo de prensa"),
        ("Siège, Genève", "Headquarters, Geneva", "Sede, Ginebra"),
    ),
    (
        "adiallo@example.org",
        "Aïssatou Diallo",
        (
            "Chargée de communication régionale",
            "Regional communications officer",
            "Oficial regional de comunicación",
        ),
        ("Dakar", "Dakar", "Dakar"),
    ),
    (
        "dotieno@example.org",
        "Daniel Otieno",
        (
            "Chargé de communication régional",
            "Regional communications officer",
            "Oficial regional de comunicación",
        ),
        ("Nairobi", "Nairobi", "Nairobi"),
    ),
    (
        "lramirez@example.org",
        "Lucía Ramírez",
        (
            "Chargée de communication régionale",
            "Regional communications officer",
            "Oficial regional de comunicación",
        ),
        ("San José", "San José", "San José"),
    ),
    (
        "mnguyen@example.org",
        "Mai Nguyen",
        (
            "Chargée de communication régionale",
            "Regional communications officer",
            "Oficial regional de comunicación",
        ),
        ("Bangkok", "Bangkok", "Bangkok"),
    ),
    (
        "khaddad@example.org",
        "Karim Haddad",
        (
            "Chargé de communication régional",
            "Regional communications officer",
            "Oficial regional de comunicación",
        ),
        ("Le Caire", "Cairo", "El Cairo"),
    ),
]

IDM_TOPICS = [
    "regular-pathways",
    "international-dialogue-on-migration",
    "partnerships",
    "diaspora",
    "innovation-and-technology",
    "sustainable-development",
]

IDM_ISSUED_BY = "media-and-communications"  # organisation.demo's unit slugs and people
IDM_QUOTES = ["amy-pope"]
IDM_LINK = "https://www.iom.int/international-dialogue-migration"

# The French text is IOM's, word for word (typography included); English and Spanish are ours.
IDM = {
    FR: {
        "title": (
            "L'OIM a accueilli à New York le Dialogue international sur la migration axé sur la "
            "facilitation des voies de migration régulières"
        ),
        "dateline": "New York",
        "lead": (
            "L'Organisation internationale pour les migrations (OIM) a conclu hier son Dialogue "
            "international sur les migrations (IDM) pour 2024, centré sur les moyens de renforcer "
            "et de multiplier les possibilités de migration régulières et bénéfiques dans le cadre "
            "d’une approche globale de la mobilité humaine."
        ),
        "body": [
            "Pendant deux jours, les États membres, les migrants, le système des Nations unies, "
            "diverses organisations internationales ainsi que des représentants de la société "
            "civile, de jeunes, du secteur privé, du monde universitaire et d'autres acteurs "
            "essentiels ont étudié, en se basant sur des données factuelles, différentes "
            "solutions politiques innovantes pour des voies de migration régulières.",
            "« Les migrations ont façonné notre passé et sont essentielle à notre avenir. Il est "
            "prouvé que lorsque la migration est bien gérée, elle peut être le moteur d'un "
            "véritable développement durable dans le monde entier », a déclaré Amy Pope, "
            "directrice générale de l'OIM. « En facilitant des voies de migration sûres et "
            "régulières, nous pouvons offrir des opportunités aux migrants, mieux protéger leurs "
            "droits et contribuer à une plus grande prospérité dans les pays d'origine des "
            "migrants et dans les pays qui les accueillent. »",
            "Le débat a été sous-tendu par la prise de conscience de la nécessité cruciale de "
            "faire de la migration une force au service de la prospérité et du progrès pour tous, "
            "y compris les plus vulnérables, dans un monde aux prises avec des crises associées à "
            "des conflits, des violences et toujours plus de catastrophes, toutes exacerbées par "
            "les changements climatiques. La multiplication et l'amélioration des possibilités "
            "pour les personnes de se déplacer de manière régulière et bénéfique ont été "
            "reconnues comme essentielles pour faire de la migration une opportunité pour un "
            "avenir meilleur.",
            "Quatre pistes d'action ont été identifiées comme nécessaires pour faciliter les voies "
            "de migration régulières. Première piste : une action multilatérale et des "
            "partenariats efficaces à tous les niveaux – un préalable essentiel pour mobiliser "
            "les énergies vers une action commune. Le secteur privé a un rôle important à jouer "
            "et devrait être systématiquement et largement impliqué dans ces partenariats. "
            "Deuxième piste : un engagement efficace au niveau local avec les communautés et les "
            "autorités locales – un point essentiel pour renforcer ces voies de migration et "
            "améliorer la cohésion sociale et la résilience, garantissant ainsi des effets "
            "positifs à long terme de la migration régulière. Troisième piste : les voix des "
            "migrants et des diasporas doivent être entendues, car elles ont un véritable "
            "potentiel transformateur en matière de sensibilisation et de développement. Et "
            "enfin : l'innovation et la technologie sont essentielles car elles peuvent offrir "
            "aux migrants un meilleur accès à l'information, aux ressources, à la formation et à "
            "la reconnaissance des compétences.",
            "Dans l'ensemble, les participants sont arrivés à un consensus sur plusieurs points. "
            "Ils ont reconnu l'importance des modèles sûrs et adaptables pour les voies de "
            "migration régulières, la nécessité d'une coopération à plusieurs niveaux, "
            "l’importance de créer davantage d'opportunités pour la migration régulière afin de "
            "réduire les risques et les vulnérabilités liés à la migration, et de renforcer ses "
            "effets sur le développement.",
            "Le Dialogue sur la migration a coïncidé avec l'annonce par l'OIM de sa nouvelle "
            "ambassadrice mondiale de bonne volonté, l'actrice, productrice et réalisatrice "
            "America Ferrera. Kofi Kinaata, célèbre musicien ghanéen et ambassadeur national de "
            "bonne volonté de l'OIM, a également apporté sa voix unique pour promouvoir les voies "
            "de migration régulières lors de l'événement.",
            "À l'avenir, l'OIM sera à l’initiative des efforts visant à créer un écosystème "
            "rassemblant les différentes parties prenantes et les processus nécessaires pour "
            "faciliter les voies de migration mondiales. Elle continuera à travailler avec ses "
            "partenaires sur les voies de migration régulières dans le cadre de son engagement "
            "plus large en faveur du Programme 2030 et du Pacte mondial pour les migrations, et "
            "s'efforcera de faire avancer ce débat dans des moments de discussions importants, "
            "notamment lors de la prochaine réunion du G7, du Nouvel agenda pour la paix, du "
            "Sommet pour l'avenir et du deuxième IDM qui se tiendra à Genève avant la fin de "
            "l’année.",
        ],
        "note_to_editors": (
            "<p>Pour plus d’informations ou pour les entretiens médias, veuillez contacter :</p>\n"
            '<p>New York : Rahma Soliman <a href="mailto:rsoliman@iom.int">rsoliman@iom.int</a> '
            'ou <a href="mailto:media@iom.int">media@iom.int</a></p>\n'
            "<p>Le site web de l'IDM et le programme complet sont disponibles "
            f'<a href="{IDM_LINK}">ici</a></p>'
        ),
    },
    EN: {
        "title": (
            "IOM Hosts International Dialogue on Migration in New York Focused on Facilitating "
            "Regular Migration Pathways"
        ),
        "dateline": "New York",
        "lead": (
            "The International Organization for Migration (IOM) yesterday concluded its 2024 "
            "International Dialogue on Migration (IDM), which focused on ways to strengthen and "
            "expand opportunities for regular and beneficial migration as part of a "
            "comprehensive approach to human mobility."
        ),
        "body": [
            "Over two days, Member States, migrants, the United Nations system and other "
            "international organizations, together with representatives of civil society, "
            "youth, the private sector, academia and other key stakeholders, explored "
            "evidence-based, innovative policy solutions for regular migration pathways.",
            "“Migration has shaped our past and is essential to our future. We know that when "
            "migration is well managed, it can drive genuine sustainable development around the "
            "world,” said IOM Director General Amy Pope. “By facilitating safe and regular "
            "pathways, we can offer opportunities to migrants, better protect their rights and "
            "contribute to greater prosperity in the countries migrants come from and in the "
            "countries that receive them.”",
            "The discussions were underpinned by an awareness of the crucial need to make "
            "migration a force for prosperity and progress for all, including the most "
            "vulnerable, in a world grappling with crises linked to conflict, violence and ever "
            "more frequent disasters, all exacerbated by climate change. Expanding and improving "
            "opportunities for people to move in regular and beneficial ways was recognized as "
            "essential to making migration an opportunity for a better future.",
            "Four areas of action were identified as necessary to facilitate regular migration "
            "pathways. First: multilateral action and effective partnerships at all levels – an "
            "essential precondition for channelling energies towards common action. The private "
            "sector has an important role to play and should be systematically and broadly "
            "involved in these partnerships. Second: effective engagement at the local level "
            "with communities and local authorities – essential to strengthening these pathways "
            "and improving social cohesion and resilience, thereby ensuring the long-term "
            "positive effects of regular migration. Third: the voices of migrants and diasporas "
            "must be heard, as they have real transformative potential for awareness-raising and "
            "development. And finally: innovation and technology are essential, as they can give "
            "migrants better access to information, resources, training and the recognition of "
            "their skills.",
            "Overall, participants reached consensus on several points. They recognized the "
            "importance of safe and adaptable models for regular migration pathways, the need "
            "for cooperation at multiple levels, and the importance of creating more "
            "opportunities for regular migration in order to reduce the risks and "
            "vulnerabilities associated with migration and to strengthen its development impact.",
            "The Dialogue coincided with IOM’s announcement of its new Global Goodwill "
            "Ambassador, the actor, producer and director America Ferrera. Kofi Kinaata, the "
            "celebrated Ghanaian musician and IOM National Goodwill Ambassador, also lent his "
            "unique voice to the promotion of regular migration pathways at the event.",
            "Looking ahead, IOM will lead efforts to build an ecosystem that brings together the "
            "stakeholders and processes needed to facilitate migration pathways worldwide. It will "
            "continue to work with its partners on regular pathways as part of its broader "
            "commitment to the 2030 Agenda and the Global Compact for Migration, and will seek to "
            "advance this discussion at key moments, including the upcoming G7 meeting, the New "
            "Agenda for Peace, the Summit of the Future and the second IDM, to be held in Geneva "
            "before the end of the year.",
        ],
        "note_to_editors": (
            "<p>For more information or to arrange media interviews, please contact:</p>\n"
            '<p>In New York: Rahma Soliman, <a href="mailto:rsoliman@iom.int">rsoliman@iom.int</a>'
            ', or <a href="mailto:media@iom.int">media@iom.int</a></p>\n'
            f'<p>The IDM website and full programme are available <a href="{IDM_LINK}">here</a>.'
            "</p>"
        ),
    },
    ES: {
        "title": (
            "La OIM acoge en Nueva York el Diálogo Internacional sobre la Migración, centrado en "
            "facilitar las vías de migración regular"
        ),
        "dateline": "Nueva York",
        "lead": (
            "La Organización Internacional para las Migraciones (OIM) clausuró ayer su Diálogo "
            "Internacional sobre la Migración (IDM) de 2024, dedicado a las formas de reforzar y "
            "ampliar las oportunidades de migración regular y beneficiosa en el marco de un "
            "enfoque integral de la movilidad humana."
        ),
        "body": [
            "Durante dos días, los Estados Miembros, personas migrantes, el sistema de las "
            "Naciones Unidas y diversas organizaciones internacionales, junto con representantes "
            "de la sociedad civil, la juventud, el sector privado, el mundo académico y otros "
            "actores clave, examinaron, sobre la base de datos empíricos, soluciones normativas "
            "innovadoras para las vías de migración regular.",
            "“La migración ha dado forma a nuestro pasado y es esencial para nuestro futuro. "
            "Está demostrado que, cuando la migración se gestiona bien, puede ser el motor de un "
            "verdadero desarrollo sostenible en todo el mundo”, declaró Amy Pope, Directora "
            "General de la OIM. “Al facilitar vías de migración seguras y regulares, podemos "
            "ofrecer oportunidades a las personas migrantes, proteger mejor sus derechos y "
            "contribuir a una mayor prosperidad tanto en sus países de origen como en los países "
            "que las acogen”.",
            "El debate partió de la conciencia de que es fundamental hacer de la migración una "
            "fuerza al servicio de la prosperidad y el progreso para todos, incluidas las "
            "personas más vulnerables, en un mundo que afronta crisis asociadas a conflictos, a "
            "la violencia y a desastres cada vez más frecuentes, todas ellas agravadas por el "
            "cambio climático. Se reconoció que ampliar y mejorar las oportunidades para que las "
            "personas se desplacen de forma regular y beneficiosa es esencial para que la "
            "migración sea una oportunidad de construir un futuro mejor.",
            "Se identificaron cuatro líneas de acción necesarias para facilitar las vías de "
            "migración regular. Primera: una acción multilateral y alianzas eficaces a todos los "
            "niveles, condición previa esencial para movilizar las energías hacia una acción "
            "común. El sector privado tiene un importante papel que desempeñar y debería "
            "participar de forma sistemática y amplia en estas alianzas. Segunda: un compromiso "
            "eficaz a nivel local con las comunidades y las autoridades locales, fundamental para "
            "reforzar estas vías y mejorar la cohesión social y la resiliencia, garantizando así "
            "los efectos positivos a largo plazo de la migración regular. Tercera: las voces de "
            "las personas migrantes y de las diásporas deben ser escuchadas, ya que tienen un "
            "verdadero potencial transformador en materia de sensibilización y desarrollo. Y, por "
            "último, la innovación y la tecnología son esenciales, ya que pueden ofrecer a las "
            "personas migrantes un mejor acceso a la información, los recursos, la formación y el "
            "reconocimiento de sus competencias.",
            "En conjunto, los participantes llegaron a un consenso sobre varios puntos. "
            "Reconocieron la importancia de contar con modelos seguros y adaptables para las vías "
            "de migración regular, la necesidad de una cooperación a varios niveles y la "
            "importancia de crear más oportunidades de migración regular para reducir los riesgos "
            "y las vulnerabilidades asociados a la migración y reforzar sus efectos en el "
            "desarrollo.",
            "El Diálogo coincidió con el anuncio por parte de la OIM de su nueva Embajadora de "
            "Buena Voluntad Mundial, la actriz, productora y directora America Ferrera. Kofi "
            "Kinaata, célebre músico ghanés y Embajador de Buena Voluntad Nacional de la OIM, "
            "también aportó su voz singular a la promoción de las vías de migración regular "
            "durante el evento.",
            "De cara al futuro, la OIM encabezará los esfuerzos para crear un ecosistema que "
            "reúna a las distintas partes interesadas y los procesos necesarios para facilitar "
            "las vías de migración en todo el mundo. Seguirá trabajando con sus asociados en las "
            "vías de migración regular como parte de su compromiso más amplio con la Agenda 2030 "
            "y el Pacto Mundial para la Migración, y procurará hacer avanzar este debate en "
            "momentos clave, como la próxima reunión del G7, la Nueva Agenda de Paz, la Cumbre "
            "del Futuro y el segundo IDM, que se celebrará en Ginebra antes de que termine el año.",
        ],
        "note_to_editors": (
            "<p>Para más información o para solicitar entrevistas, diríjase a:</p>\n"
            '<p>Nueva York: Rahma Soliman, <a href="mailto:rsoliman@iom.int">rsoliman@iom.int</a>'
            ', o <a href="mailto:media@iom.int">media@iom.int</a></p>\n'
            "<p>El sitio web del IDM y el programa completo están disponibles "
            f'<a href="{IDM_LINK}">aquí</a>.</p>'
        ),
    },
}


# The generated releases. ------------------------------------------------------------------------

# ((original language, languages it exists in), how many): most are French, as in the newsroom.
LANGUAGE_PROFILES = [
    ((FR, (FR,)), 14),
    ((FR, (FR, EN)), 14),
    ((FR, (FR, EN, ES)), 15),
    ((FR, (FR, ES)), 3),
    ((EN, (EN,)), 3),
    ((EN, (EN, ES)), 2),
    ((EN, (EN, FR)), 2),
    ((ES, (ES,)), 3),
    ((ES, (ES, EN)), 2),
    ((ES, (ES, FR, EN)), 2),
]


class Place(NamedTuple):
    in_: tuple  # "au Mozambique", "in Mozambique", "en Mozambique"
    of: tuple  # "du Mozambique", "of Mozambique", "de Mozambique"
    city: tuple  # the dateline
    tz: str
    originals: tuple  # the languages a release about this place may have been written in
    contact: str  # the email of the regional press officer


# The press officer of each region.
WEST_AFRICA, EAST_AFRICA = "adiallo@example.org", "dotieno@example.org"
AMERICAS, ASIA, MENA = "lramirez@example.org", "mnguyen@example.org", "khaddad@example.org"
HQ = "media@iom.int"

GENEVA = Place(
    ("à Genève", "in Geneva", "en Ginebra"),
    ("de Genève", "of Geneva", "de Ginebra"),
    ("Genève", "Geneva", "Ginebra"),
    "Europe/Zurich",
    (FR, EN),
    HQ,
)

PLACES = {
    "mozambique": Place(
        ("au Mozambique", "in Mozambique", "en Mozambique"),
        ("du Mozambique", "of Mozambique", "de Mozambique"),
        ("Maputo", "Maputo", "Maputo"),
        "Africa/Maputo",
        (FR, EN),
        EAST_AFRICA,
    ),
    "somalia": Place(
        ("en Somalie", "in Somalia", "en Somalia"),
        ("de la Somalie", "of Somalia", "de Somalia"),
        ("Mogadiscio", "Mogadishu", "Mogadiscio"),
        "Africa/Mogadishu",
        (FR, EN),
        EAST_AFRICA,
    ),
    "ethiopia": Place(
        ("en Éthiopie", "in Ethiopia", "en Etiopía"),
        ("de l’Éthiopie", "of Ethiopia", "de Etiopía"),
        ("Addis-Abeba", "Addis Ababa", "Adís Abeba"),
        "Africa/Addis_Ababa",
        (FR, EN),
        EAST_AFRICA,
    ),
    "south_sudan": Place(
        ("au Soudan du Sud", "in South Sudan", "en Sudán del Sur"),
        ("du Soudan du Sud", "of South Sudan", "de Sudán del Sur"),
        ("Djouba", "Juba", "Juba"),
        "Africa/Juba",
        (FR, EN),
        EAST_AFRICA,
    ),
    "senegal": Place(
        ("au Sénégal", "in Senegal", "en el Senegal"),
        ("du Sénégal", "of Senegal", "del Senegal"),
        ("Dakar", "Dakar", "Dakar"),
        "Africa/Dakar",
        (FR,),
        WEST_AFRICA,
    ),
    "niger": Place(
        ("au Niger", "in Niger", "en el Níger"),
        ("du Niger", "of Niger", "del Níger"),
        ("Niamey", "Niamey", "Niamey"),
        "Africa/Niamey",
        (FR,),
        WEST_AFRICA,
    ),
    "chad": Place(
        ("au Tchad", "in Chad", "en el Chad"),
        ("du Tchad", "of Chad", "del Chad"),
        ("N’Djamena", "N’Djamena", "Yamena"),
        "Africa/Ndjamena",
        (FR,),
        WEST_AFRICA,
    ),
    "libya": Place(
        ("en Libye", "in Libya", "en Libia"),
        ("de la Libye", "of Libya", "de Libia"),
        ("Tripoli", "Tripoli", "Trípoli"),
        "Africa/Tripoli",
        (FR, EN),
        MENA,
    ),
    "haiti": Place(
        ("en Haïti", "in Haiti", "en Haití"),
        ("d’Haïti", "of Haiti", "de Haití"),
        ("Port-au-Prince", "Port-au-Prince", "Puerto Príncipe"),
        "America/Port-au-Prince",
        (FR,),
        AMERICAS,
    ),
    "colombia": Place(
        ("en Colombie", "in Colombia", "en Colombia"),
        ("de la Colombie", "of Colombia", "de Colombia"),
        ("Bogota", "Bogotá", "Bogotá"),
        "America/Bogota",
        (FR, ES),
        AMERICAS,
    ),
    "ecuador": Place(
        ("en Équateur", "in Ecuador", "en el Ecuador"),
        ("de l’Équateur", "of Ecuador", "del Ecuador"),
        ("Quito", "Quito", "Quito"),
        "America/Guayaquil",
        (FR, ES),
        AMERICAS,
    ),
    "guatemala": Place(
        ("au Guatemala", "in Guatemala", "en Guatemala"),
        ("du Guatemala", "of Guatemala", "de Guatemala"),
        ("Guatemala", "Guatemala City", "Ciudad de Guatemala"),
        "America/Guatemala",
        (FR, ES),
        AMERICAS,
    ),
    "honduras": Place(
        ("au Honduras", "in Honduras", "en Honduras"),
        ("du Honduras", "of Honduras", "de Honduras"),
        ("Tegucigalpa", "Tegucigalpa", "Tegucigalpa"),
        "America/Tegucigalpa",
        (FR, ES),
        AMERICAS,
    ),
    "bangladesh": Place(
        ("au Bangladesh", "in Bangladesh", "en Bangladesh"),
        ("du Bangladesh", "of Bangladesh", "de Bangladesh"),
        ("Dhaka", "Dhaka", "Daca"),
        "Asia/Dhaka",
        (FR, EN),
        ASIA,
    ),
    "philippines": Place(
        ("aux Philippines", "in the Philippines", "en Filipinas"),
        ("des Philippines", "of the Philippines", "de Filipinas"),
        ("Manille", "Manila", "Manila"),
        "Asia/Manila",
        (FR, EN),
        ASIA,
    ),
    "pakistan": Place(
        ("au Pakistan", "in Pakistan", "en el Pakistán"),
        ("du Pakistan", "of Pakistan", "del Pakistán"),
        ("Islamabad", "Islamabad", "Islamabad"),
        "Asia/Karachi",
        (FR, EN),
        ASIA,
    ),
    "afghanistan": Place(
        ("en Afghanistan", "in Afghanistan", "en el Afganistán"),
        ("de l’Afghanistan", "of Afghanistan", "del Afganistán"),
        ("Kaboul", "Kabul", "Kabul"),
        "Asia/Kabul",
        (FR, EN),
        ASIA,
    ),
    "vanuatu": Place(
        ("au Vanuatu", "in Vanuatu", "en Vanuatu"),
        ("du Vanuatu", "of Vanuatu", "de Vanuatu"),
        ("Port-Vila", "Port Vila", "Port Vila"),
        "Pacific/Efate",
        (FR, EN),
        ASIA,
    ),
    # Regions: the dateline is the regional office.
    "west_central_africa": Place(
        (
            "en Afrique de l’Ouest et du Centre",
            "in West and Central Africa",
            "en África Occidental y Central",
        ),
        (
            "d’Afrique de l’Ouest et du Centre",
            "of West and Central Africa",
            "de África Occidental y Central",
        ),
        ("Dakar", "Dakar", "Dakar"),
        "Africa/Dakar",
        (FR,),
        WEST_AFRICA,
    ),
    "east_horn_africa": Place(
        (
            "dans l’Est et la Corne de l’Afrique",
            "in the East and Horn of Africa",
            "en el Este y el Cuerno de África",
        ),
        (
            "de l’Est et de la Corne de l’Afrique",
            "of the East and Horn of Africa",
            "del Este y el Cuerno de África",
        ),
        ("Nairobi", "Nairobi", "Nairobi"),
        "Africa/Nairobi",
        (FR, EN),
        EAST_AFRICA,
    ),
    "asia_pacific": Place(
        ("en Asie et dans le Pacifique", "in Asia and the Pacific", "en Asia y el Pacífico"),
        ("d’Asie et du Pacifique", "of Asia and the Pacific", "de Asia y el Pacífico"),
        ("Bangkok", "Bangkok", "Bangkok"),
        "Asia/Bangkok",
        (FR, EN),
        ASIA,
    ),
    "americas": Place(
        ("dans les Amériques", "in the Americas", "en las Américas"),
        ("des Amériques", "of the Americas", "de las Américas"),
        ("San José", "San José", "San José"),
        "America/Costa_Rica",
        (FR, ES),
        AMERICAS,
    ),
    "mena": Place(
        (
            "au Moyen-Orient et en Afrique du Nord",
            "in the Middle East and North Africa",
            "en Oriente Medio y el Norte de África",
        ),
        (
            "du Moyen-Orient et d’Afrique du Nord",
            "of the Middle East and North Africa",
            "de Oriente Medio y el Norte de África",
        ),
        ("Le Caire", "Cairo", "El Cairo"),
        "Africa/Cairo",
        (FR, EN),
        MENA,
    ),
    "europe": Place(
        ("en Europe", "in Europe", "en Europa"),
        ("d’Europe", "of Europe", "de Europa"),
        ("Bruxelles", "Brussels", "Bruselas"),
        "Europe/Brussels",
        (FR, EN),
        HQ,
    ),
}
REGIONS = ["west_central_africa", "east_horn_africa", "asia_pacific", "americas", "mena"]


class Subject(NamedTuple):
    """A kind of news. Texts are (fr, en, es) templates of {in}, {In}, {of}, {n} and {amount}."""

    key: str
    topics: list  # the first one always applies; up to two others may
    places: list
    number: tuple  # range() arguments for {n}
    amount: tuple | None  # range() arguments for {amount}, in tenths of a million dollars
    title: tuple
    lead: tuple
    paragraphs: list  # two to four of them, in this order, make the body
    from_geneva: bool = False  # datelined at headquarters rather than in the place


SUBJECTS = [
    Subject(
        "floods",
        ["displacement", "emergencies", "climate-change"],
        [
            "mozambique",
            "bangladesh",
            "pakistan",
            "somalia",
            "south_sudan",
            "chad",
            "niger",
            "guatemala",
            "honduras",
            "philippines",
            "ecuador",
        ],
        (5_000, 60_000, 500),
        (20, 120, 5),
        (
            "Inondations {in} : l’OIM intensifie son aide à plus de {n} personnes déplacées",
            "IOM Scales Up Assistance as Floods Displace More Than {n} People {in}",
            "La OIM intensifica su asistencia a más de {n} personas desplazadas por las "
            "inundaciones {in}",
        ),
        (
            "Après deux semaines de pluies torrentielles, plus de {n} personnes ont dû quitter leur "
            "foyer {in}. L’OIM distribue des abris d’urgence et des articles de première nécessité, "
            "et suit l’évolution des déplacements dans les zones les plus touchées.",
            "After two weeks of torrential rain, more than {n} people have been forced from their "
            "homes {in}. IOM is distributing emergency shelter and essential relief items and "
            "tracking displacement in the hardest-hit areas.",
            "Tras dos semanas de lluvias torrenciales, más de {n} personas se han visto obligadas a "
            "abandonar sus hogares {in}. La OIM distribuye refugios de emergencia y artículos de "
            "primera necesidad, y sigue la evolución de los desplazamientos en las zonas más "
            "afectadas.",
        ),
        [
            (
                "Les équipes de l’OIM, déployées aux côtés des autorités nationales et locales, ont "
                "recensé des milliers d’habitations détruites ou endommagées. De nombreuses familles "
                "ont trouvé refuge dans des écoles, des lieux de culte ou chez des proches, souvent "
                "dans des conditions de promiscuité qui augmentent les risques sanitaires.",
                "IOM teams, working alongside national and local authorities, have recorded "
                "thousands of homes destroyed or damaged. Many families have taken shelter in "
                "schools, places of worship or with relatives, often in overcrowded conditions that "
                "increase health risks.",
                "Los equipos de la OIM, desplegados junto a las autoridades nacionales y locales, han "
                "registrado miles de viviendas destruidas o dañadas. Muchas familias se han "
                "refugiado en escuelas, lugares de culto o casas de familiares, a menudo en "
                "condiciones de hacinamiento que aumentan los riesgos sanitarios.",
            ),
            (
                "Grâce à sa Matrice de suivi des déplacements (DTM), l’OIM fournit à l’ensemble des "
                "acteurs humanitaires des données actualisées sur le nombre de personnes déplacées, "
                "leurs besoins prioritaires et les sites où elles se sont installées, afin d’orienter "
                "l’aide là où elle est le plus nécessaire.",
                "Through its Displacement Tracking Matrix (DTM), IOM is providing all humanitarian "
                "partners with up-to-date data on the number of displaced people, their priority "
                "needs and the sites where they have settled, so that aid goes where it is needed "
                "most.",
                "A través de su Matriz de Seguimiento de los Desplazamientos (DTM), la OIM "
                "proporciona a todos los actores humanitarios datos actualizados sobre el número de "
                "personas desplazadas, sus necesidades prioritarias y los lugares donde se han "
                "instalado, para orientar la ayuda allí donde más se necesita.",
            ),
            (
                "L’Organisation a lancé un appel de {amount} pour répondre aux besoins les plus "
                "urgents au cours des trois prochains mois, notamment en matière d’abris, d’eau, "
                "d’assainissement et d’hygiène, ainsi que de gestion des sites de déplacement.",
                "The Organization has appealed for {amount} to meet the most urgent needs over the "
                "next three months, including shelter, water, sanitation and hygiene, and the "
                "management of displacement sites.",
                "La Organización ha hecho un llamamiento de {amount} para atender las necesidades "
                "más urgentes en los próximos tres meses, en particular en materia de refugio, agua, "
                "saneamiento e higiene, así como de gestión de los emplazamientos de desplazados.",
            ),
            (
                "Ces inondations rappellent que les phénomènes météorologiques extrêmes, aggravés par "
                "les changements climatiques, comptent aujourd’hui parmi les premières causes de "
                "déplacement dans le monde. L’OIM appelle à investir davantage dans la préparation et "
                "la réduction des risques de catastrophe, pour protéger les communautés avant que la "
                "crise ne survienne.",
                "The floods are a reminder that extreme weather events, made worse by climate change, "
                "are now among the leading causes of displacement worldwide. IOM is calling for "
                "greater investment in preparedness and disaster risk reduction, to protect "
                "communities before crisis strikes.",
                "Estas inundaciones recuerdan que los fenómenos meteorológicos extremos, agravados "
                "por el cambio climático, figuran hoy entre las principales causas de desplazamiento "
                "en el mundo. La OIM pide que se invierta más en preparación y reducción del riesgo "
                "de desastres, para proteger a las comunidades antes de que se produzca la crisis.",
            ),
        ],
    ),
    Subject(
        "drought",
        ["climate-change", "displacement", "sustainable-development"],
        ["somalia", "ethiopia", "niger", "chad", "guatemala", "honduras", "senegal", "afghanistan"],
        (20_000, 150_000, 1_000),
        None,
        (
            "Sécheresse {in} : l’OIM soutient les communautés contraintes de partir en quête d’eau "
            "et de moyens de subsistance",
            "Drought {in}: IOM Supports Communities Forced to Move in Search of Water and "
            "Livelihoods",
            "Sequía {in}: la OIM apoya a las comunidades obligadas a desplazarse en busca de agua y "
            "medios de vida",
        ),
        (
            "Une quatrième saison des pluies déficitaire consécutive a poussé quelque {n} personnes "
            "à quitter leur village {in} depuis le début de l’année. L’OIM améliore l’accès à l’eau "
            "et aide les familles à diversifier leurs sources de revenus.",
            "A fourth consecutive failed rainy season has driven some {n} people from their villages "
            "{in} since the start of the year. IOM is improving access to water and helping families "
            "diversify their sources of income.",
            "Una cuarta temporada de lluvias deficitaria consecutiva ha llevado a unas {n} personas a "
            "abandonar sus aldeas {in} desde principios de año. La OIM mejora el acceso al agua y "
            "ayuda a las familias a diversificar sus fuentes de ingresos.",
        ),
        [
            (
                "Dans les zones les plus touchées, les puits se sont taris et le bétail, principale "
                "ressource de nombreuses familles, a été décimé. Les femmes et les enfants parcourent "
                "désormais chaque jour de longues distances pour s’approvisionner en eau, ce qui les "
                "expose à des risques accrus.",
                "In the worst-affected areas, wells have run dry and livestock, the main asset of "
                "many families, has been decimated. Women and children now walk long distances every "
                "day to fetch water, exposing them to greater risks.",
                "En las zonas más afectadas, los pozos se han secado y el ganado, principal recurso "
                "de muchas familias, ha quedado diezmado. Las mujeres y los niños recorren ahora a "
                "diario largas distancias para abastecerse de agua, lo que los expone a mayores "
                "riesgos.",
            ),
            (
                "L’OIM réhabilite des points d’eau, distribue des kits d’hygiène et soutient des "
                "activités génératrices de revenus moins dépendantes des pluies, en étroite "
                "collaboration avec les autorités locales et les organisations communautaires.",
                "IOM is rehabilitating water points, distributing hygiene kits and supporting "
                "income-generating activities that depend less on rainfall, in close cooperation with "
                "local authorities and community organizations.",
                "La OIM rehabilita puntos de agua, distribuye kits de higiene y apoya actividades "
                "generadoras de ingresos menos dependientes de las lluvias, en estrecha colaboración "
                "con las autoridades locales y las organizaciones comunitarias.",
            ),
            (
                "Pour l’Organisation, la mobilité peut aussi être une stratégie d’adaptation : bien "
                "accompagnée, elle permet aux familles de diversifier leurs revenus et de mieux "
                "résister aux chocs climatiques, tandis que des solutions durables doivent être "
                "trouvées pour celles qui souhaitent rester.",
                "For the Organization, mobility can also be a way to adapt: with the right support, "
                "it allows families to diversify their income and better withstand climate shocks, "
                "while durable solutions must be found for those who wish to stay.",
                "Para la Organización, la movilidad también puede ser una estrategia de adaptación: "
                "con el acompañamiento adecuado, permite a las familias diversificar sus ingresos y "
                "resistir mejor los choques climáticos, mientras que deben encontrarse soluciones "
                "duraderas para quienes desean quedarse.",
            ),
            (
                "L’OIM appelle les donateurs à soutenir des programmes qui relient l’aide d’urgence, "
                "l’adaptation aux changements climatiques et le développement à long terme, afin de "
                "rompre le cycle des crises à répétition.",
                "IOM is urging donors to support programmes that link emergency relief, climate "
                "adaptation and long-term development, in order to break the cycle of recurring "
                "crises.",
                "La OIM insta a los donantes a apoyar programas que vinculen la ayuda de emergencia, "
                "la adaptación al cambio climático y el desarrollo a largo plazo, para romper el "
                "ciclo de crisis recurrentes.",
            ),
        ],
    ),
    Subject(
        "reintegration",
        ["return-and-reintegration", "sustainable-development", "partnerships"],
        [
            "senegal",
            "niger",
            "ethiopia",
            "guatemala",
            "honduras",
            "afghanistan",
            "bangladesh",
            "ecuador",
        ],
        (600, 3_000, 50),
        None,
        (
            "Un nouveau programme de l’OIM accompagne la réintégration de {n} migrants de retour "
            "{in}",
            "New IOM Programme Supports the Reintegration of {n} Returning Migrants {in}",
            "Un nuevo programa de la OIM apoya la reintegración de {n} migrantes retornados {in}",
        ),
        (
            "Lancé avec le Gouvernement {of}, le programme offre aux migrants rentrés dans leur pays "
            "un accompagnement psychosocial, une formation professionnelle et un appui à la création "
            "de petites entreprises, au bénéfice également des communautés qui les accueillent.",
            "Launched with the Government {of}, the programme offers returning migrants "
            "psychosocial support, vocational training and help to start small businesses, with "
            "benefits for the communities that receive them as well.",
            "Puesto en marcha con el Gobierno {of}, el programa ofrece a los migrantes retornados "
            "apoyo psicosocial, formación profesional y ayuda para crear pequeñas empresas, en "
            "beneficio también de las comunidades que los acogen.",
        ),
        [
            (
                "Le retour n’est que le début d’un processus souvent difficile. Beaucoup de migrants "
                "rentrent après des mois, voire des années, passés sur les routes migratoires, "
                "parfois endettés ou marqués par les violences subies en chemin.",
                "Return is only the beginning of what is often a difficult process. Many migrants "
                "come home after months or even years on migration routes, sometimes in debt or "
                "scarred by the violence they suffered along the way.",
                "El retorno es solo el comienzo de un proceso a menudo difícil. Muchos migrantes "
                "regresan tras meses, o incluso años, en las rutas migratorias, a veces endeudados o "
                "marcados por la violencia sufrida en el camino.",
            ),
            (
                "L’approche intégrée de l’OIM associe un soutien individuel, adapté au projet de "
                "chaque personne, à des projets communautaires – réhabilitation d’infrastructures, "
                "coopératives agricoles, formations – qui profitent à l’ensemble des habitants et "
                "favorisent la cohésion sociale.",
                "IOM’s integrated approach combines individual support, tailored to each person’s "
                "plans, with community projects – rehabilitating infrastructure, agricultural "
                "cooperatives, training – that benefit all residents and foster social cohesion.",
                "El enfoque integrado de la OIM combina un apoyo individual, adaptado al proyecto de "
                "cada persona, con proyectos comunitarios (rehabilitación de infraestructuras, "
                "cooperativas agrícolas, formación) que benefician a toda la población y fomentan la "
                "cohesión social.",
            ),
            (
                "Le programme renforce également les capacités des services publics chargés de "
                "l’emploi, de la santé et de la protection sociale, afin que l’accompagnement des "
                "personnes de retour s’inscrive dans les politiques nationales de développement.",
                "The programme also strengthens the capacity of the public services responsible for "
                "employment, health and social protection, so that support for returnees becomes part "
                "of national development policies.",
                "El programa también refuerza la capacidad de los servicios públicos de empleo, salud "
                "y protección social, para que el acompañamiento de las personas retornadas se "
                "integre en las políticas nacionales de desarrollo.",
            ),
            (
                "Selon les évaluations menées par l’OIM, les migrants qui bénéficient d’un appui à la "
                "fois économique, social et psychosocial ont nettement plus de chances de se "
                "réinsérer durablement dans leur communauté.",
                "IOM evaluations show that migrants who receive economic, social and psychosocial "
                "support together are far more likely to reintegrate sustainably into their "
                "communities.",
                "Según las evaluaciones de la OIM, los migrantes que reciben a la vez apoyo "
                "económico, social y psicosocial tienen muchas más probabilidades de reintegrarse de "
                "forma sostenible en sus comunidades.",
            ),
        ],
    ),
    Subject(
        "health",
        ["migration-health", "partnerships"],
        [
            "colombia",
            "ecuador",
            "ethiopia",
            "libya",
            "bangladesh",
            "chad",
            "south_sudan",
            "somalia",
            "niger",
        ],
        (8_000, 60_000, 500),
        None,
        (
            "Santé des migrants {in} : l’OIM étend ses services de dépistage et de vaccination",
            "IOM Expands Health Screening and Vaccination for Migrants {in}",
            "La OIM amplía los servicios de detección y vacunación para personas migrantes {in}",
        ),
        (
            "Plus de {n} migrants et membres des communautés d’accueil ont bénéficié ces derniers "
            "mois de consultations, de dépistages et de vaccinations dans les centres de santé "
            "soutenus par l’OIM {in}.",
            "More than {n} migrants and host community members have received consultations, "
            "screening and vaccinations in recent months at IOM-supported health centres {in}.",
            "Más de {n} personas migrantes y miembros de las comunidades de acogida han recibido en "
            "los últimos meses consultas, pruebas de detección y vacunas en los centros de salud "
            "apoyados por la OIM {in}.",
        ),
        [
            (
                "Les équipes médicales mobiles de l’OIM se rendent aux points de passage frontaliers, "
                "dans les sites de déplacement et dans les quartiers où vivent de nombreux migrants, "
                "souvent éloignés des structures de santé ou hésitant à y recourir.",
                "IOM’s mobile medical teams travel to border crossings, displacement sites and "
                "neighbourhoods with large migrant populations, who often live far from health "
                "facilities or hesitate to use them.",
                "Los equipos médicos móviles de la OIM se desplazan a los pasos fronterizos, los "
                "emplazamientos de desplazados y los barrios donde viven numerosos migrantes, que a "
                "menudo están lejos de los centros de salud o dudan en acudir a ellos.",
            ),
            (
                "Les services comprennent le dépistage de la tuberculose, du paludisme et du VIH, la "
                "vaccination des enfants, le suivi des grossesses et un soutien en santé mentale, "
                "assurés en lien avec le Ministère de la santé.",
                "Services include screening for tuberculosis, malaria and HIV, childhood vaccination, "
                "antenatal care and mental health support, delivered in coordination with the "
                "Ministry of Health.",
                "Los servicios incluyen pruebas de detección de la tuberculosis, la malaria y el VIH, "
                "la vacunación infantil, el control del embarazo y apoyo en salud mental, en "
                "coordinación con el Ministerio de Salud.",
            ),
            (
                "L’OIM forme également le personnel de santé local à la prise en charge des migrants "
                "et contribue à renforcer la surveillance des maladies le long des axes de mobilité, "
                "un maillon essentiel de la préparation aux épidémies.",
                "IOM is also training local health workers to care for migrants and helping to "
                "strengthen disease surveillance along mobility corridors, an essential link in "
                "epidemic preparedness.",
                "La OIM también capacita al personal sanitario local en la atención a las personas "
                "migrantes y contribuye a reforzar la vigilancia de enfermedades a lo largo de los "
                "corredores de movilidad, un eslabón esencial de la preparación ante epidemias.",
            ),
            (
                "L’Organisation rappelle que l’inclusion des migrants dans les systèmes de santé "
                "nationaux profite à tous : elle protège la santé publique et rapproche le pays de "
                "l’objectif de couverture sanitaire universelle.",
                "The Organization stresses that including migrants in national health systems "
                "benefits everyone: it protects public health and brings the country closer to "
                "universal health coverage.",
                "La Organización recuerda que la inclusión de las personas migrantes en los sistemas "
                "nacionales de salud beneficia a todos: protege la salud pública y acerca al país al "
                "objetivo de la cobertura sanitaria universal.",
            ),
        ],
    ),
    Subject(
        "displacement-data",
        ["data-and-research", "displacement"],
        [
            "somalia",
            "ethiopia",
            "south_sudan",
            "haiti",
            "chad",
            "niger",
            "afghanistan",
            "libya",
            "mozambique",
            "colombia",
        ],
        (40_000, 600_000, 1_000),
        None,
        (
            "Déplacements {in} : selon l’OIM, {n} personnes vivent toujours loin de chez elles",
            "IOM Data Show {n} People Still Displaced {in}",
            "Según datos de la OIM, {n} personas siguen desplazadas {in}",
        ),
        (
            "Le dernier rapport de la Matrice de suivi des déplacements (DTM) de l’OIM recense {n} "
            "personnes déplacées à l’intérieur du pays {in}. La majorité d’entre elles ont fui il y "
            "a plus d’un an et vivent dans des conditions précaires.",
            "The latest report from IOM’s Displacement Tracking Matrix (DTM) counts {n} internally "
            "displaced people {in}. Most of them fled more than a year ago and live in precarious "
            "conditions.",
            "El último informe de la Matriz de Seguimiento de los Desplazamientos (DTM) de la OIM "
            "contabiliza {n} personas desplazadas internas {in}. La mayoría huyó hace más de un año "
            "y vive en condiciones precarias.",
        ),
        [
            (
                "Les données ont été collectées par des équipes de terrain dans plusieurs centaines "
                "de localités, au moyen d’entretiens avec des informateurs clés et d’enquêtes auprès "
                "des ménages. Elles portent sur les causes du déplacement, les conditions de vie et "
                "les intentions de retour.",
                "The data were collected by field teams in several hundred locations, through key "
                "informant interviews and household surveys. They cover the causes of displacement, "
                "living conditions and intentions to return.",
                "Los datos fueron recopilados por equipos sobre el terreno en varios centenares de "
                "localidades, mediante entrevistas con informantes clave y encuestas de hogares. "
                "Abarcan las causas del desplazamiento, las condiciones de vida y las intenciones de "
                "retorno.",
            ),
            (
                "Le rapport montre que l’accès au logement, à l’eau potable et aux moyens de "
                "subsistance reste la principale préoccupation des personnes déplacées. Près de la "
                "moitié des ménages interrogés déclarent ne disposer d’aucun revenu régulier.",
                "The report shows that access to housing, safe drinking water and livelihoods remains "
                "the main concern of displaced people. Nearly half of the households surveyed report "
                "having no regular income.",
                "El informe muestra que el acceso a la vivienda, al agua potable y a medios de vida "
                "sigue siendo la principal preocupación de las personas desplazadas. Casi la mitad de "
                "los hogares encuestados declara no tener ingresos regulares.",
            ),
            (
                "Si une partie des familles souhaite rentrer chez elle, beaucoup citent l’insécurité "
                "et la destruction de leur logement comme des obstacles majeurs. Ces informations "
                "doivent aider les autorités et leurs partenaires à planifier des solutions durables.",
                "While some families wish to return home, many cite insecurity and the destruction of "
                "their homes as major obstacles. This information is intended to help the authorities "
                "and their partners plan durable solutions.",
                "Aunque parte de las familias desea regresar, muchas mencionan la inseguridad y la "
                "destrucción de sus viviendas como obstáculos importantes. Esta información debe "
                "ayudar a las autoridades y a sus asociados a planificar soluciones duraderas.",
            ),
            (
                "Toutes les données de la DTM sont publiques et peuvent être consultées sur le "
                "portail de la DTM, où elles sont régulièrement mises à jour.",
                "All DTM data are public and available on the DTM portal, where they are updated "
                "regularly.",
                "Todos los datos de la DTM son públicos y pueden consultarse en el portal de la DTM, "
                "donde se actualizan periódicamente.",
            ),
        ],
    ),
    Subject(
        "labour-mobility",
        ["labour-mobility", "regular-pathways", "partnerships"],
        [
            "philippines",
            "bangladesh",
            "guatemala",
            "honduras",
            "senegal",
            "pakistan",
            "ecuador",
            "colombia",
        ],
        (500, 5_000, 100),
        None,
        (
            "Mobilité de main-d’œuvre : l’OIM et le Gouvernement {of} lancent un programme de "
            "recrutement éthique",
            "IOM and the Government {of} Launch Ethical Recruitment Programme for Migrant Workers",
            "La OIM y el Gobierno {of} ponen en marcha un programa de contratación ética para "
            "trabajadores migrantes",
        ),
        (
            "Le programme doit permettre à quelque {n} travailleurs de partir travailler à "
            "l’étranger par des voies sûres et régulières, sans payer de frais de recrutement et avec "
            "des contrats conformes aux normes internationales du travail.",
            "The programme aims to enable some {n} workers to take up jobs abroad through safe and "
            "regular pathways, without paying recruitment fees and with contracts that meet "
            "international labour standards.",
            "El programa permitirá que unas {n} personas trabajen en el extranjero a través de vías "
            "seguras y regulares, sin pagar comisiones de contratación y con contratos conformes a "
            "las normas internacionales del trabajo.",
        ),
        [
            (
                "Les frais de recrutement abusifs et les fausses promesses d’emploi exposent chaque "
                "année de nombreux travailleurs migrants à l’endettement, voire au travail forcé. Le "
                "programme s’appuie sur IRIS, le système international d’intégrité du recrutement de "
                "l’OIM, pour certifier les agences qui respectent le principe « l’employeur paie ».",
                "Excessive recruitment fees and false job offers push many migrant workers into debt, "
                "and even forced labour, every year. The programme draws on IRIS, IOM’s International "
                "Recruitment Integrity System, to certify agencies that respect the “employer pays” "
                "principle.",
                "Las comisiones de contratación abusivas y las falsas ofertas de empleo empujan cada "
                "año a numerosos trabajadores migrantes al endeudamiento, e incluso al trabajo "
                "forzoso. El programa se basa en IRIS, el Sistema Internacional de Integridad en la "
                "Contratación de la OIM, para certificar a las agencias que respetan el principio de "
                "que “el empleador paga”.",
            ),
            (
                "Avant leur départ, les travailleurs suivent une formation sur leurs droits, les "
                "conditions de vie et de travail dans le pays de destination et les recours possibles "
                "en cas d’abus. Un accompagnement est également prévu à leur retour, pour valoriser "
                "les compétences acquises.",
                "Before departure, workers receive training on their rights, on living and working "
                "conditions in the destination country and on where to turn in case of abuse. "
                "Support is also provided on their return, so that the skills they have gained are "
                "put to good use.",
                "Antes de partir, los trabajadores reciben formación sobre sus derechos, las "
                "condiciones de vida y de trabajo en el país de destino y los recursos disponibles en "
                "caso de abuso. También se les acompaña a su regreso para aprovechar las "
                "competencias adquiridas.",
            ),
            (
                "Les employeurs et les pays de destination y trouvent aussi leur intérêt : des "
                "travailleurs mieux préparés, recrutés de manière transparente, pour répondre aux "
                "pénuries de main-d’œuvre dans des secteurs comme l’agriculture, la santé ou la "
                "construction.",
                "Employers and destination countries also benefit: better-prepared workers, recruited "
                "transparently, to fill labour shortages in sectors such as agriculture, health care "
                "and construction.",
                "Los empleadores y los países de destino también salen ganando: trabajadores mejor "
                "preparados y contratados de forma transparente para cubrir la escasez de mano de "
                "obra en sectores como la agricultura, la salud o la construcción.",
            ),
            (
                "Cette initiative s’inscrit dans l’engagement de l’OIM en faveur des voies de "
                "migration régulières, reconnues par le Pacte mondial pour les migrations comme un "
                "levier essentiel du développement des pays d’origine comme de destination.",
                "The initiative is part of IOM’s commitment to regular migration pathways, which the "
                "Global Compact for Migration recognizes as a key driver of development in countries "
                "of origin and destination alike.",
                "Esta iniciativa forma parte del compromiso de la OIM con las vías de migración "
                "regular, que el Pacto Mundial para la Migración reconoce como un motor esencial del "
                "desarrollo tanto de los países de origen como de destino.",
            ),
        ],
    ),
    Subject(
        "trafficking",
        ["counter-trafficking", "partnerships", "migration-governance"],
        [
            "colombia",
            "ecuador",
            "guatemala",
            "honduras",
            "niger",
            "libya",
            "bangladesh",
            "philippines",
            "senegal",
        ],
        (120, 600, 10),
        None,
        (
            "Traite des personnes : l’OIM forme {n} agents de première ligne {in} à l’identification "
            "des victimes",
            "IOM Trains {n} Frontline Officials {in} to Identify and Protect Victims of Trafficking",
            "La OIM capacita a {n} agentes de primera línea {in} para identificar y proteger a las "
            "víctimas de trata",
        ),
        (
            "Policiers, agents des frontières, travailleurs sociaux et inspecteurs du travail ont "
            "participé ces derniers mois aux formations organisées par l’OIM {in}, afin de mieux "
            "repérer les victimes de la traite et de les orienter vers une protection adaptée.",
            "Police officers, border officials, social workers and labour inspectors have taken part "
            "in IOM training sessions {in} in recent months, to better identify victims of "
            "trafficking and refer them to appropriate protection.",
            "Agentes de policía, funcionarios de fronteras, trabajadores sociales e inspectores de "
            "trabajo han participado en los últimos meses en las capacitaciones organizadas por la "
            "OIM {in}, con el fin de detectar mejor a las víctimas de trata y derivarlas hacia una "
            "protección adecuada.",
        ),
        [
            (
                "Les trafiquants adaptent sans cesse leurs méthodes, notamment en recrutant leurs "
                "victimes en ligne par de fausses offres d’emploi. Les formations portent sur les "
                "indicateurs de la traite, les entretiens tenant compte des traumatismes et les "
                "mécanismes nationaux d’orientation.",
                "Traffickers constantly adapt their methods, including by recruiting victims online "
                "with fake job offers. The training covers trafficking indicators, trauma-informed "
                "interviewing and national referral mechanisms.",
                "Los tratantes adaptan constantemente sus métodos, en particular captando a sus "
                "víctimas en línea mediante falsas ofertas de empleo. La capacitación abarca los "
                "indicadores de trata, las entrevistas con enfoque informado sobre el trauma y los "
                "mecanismos nacionales de derivación.",
            ),
            (
                "L’OIM apporte aussi une assistance directe aux victimes identifiées : hébergement "
                "sûr, soins médicaux, soutien psychologique, aide juridique et, lorsqu’elles le "
                "souhaitent, retour volontaire dans leur pays d’origine.",
                "IOM also provides direct assistance to identified victims: safe accommodation, "
                "medical care, psychological support, legal aid and, when they so wish, voluntary "
                "return to their country of origin.",
                "La OIM también presta asistencia directa a las víctimas identificadas: alojamiento "
                "seguro, atención médica, apoyo psicológico, asistencia jurídica y, cuando así lo "
                "desean, retorno voluntario a su país de origen.",
            ),
            (
                "Le projet est mené en partenariat avec les autorités nationales et des "
                "organisations de la société civile, qui jouent un rôle déterminant dans la "
                "prévention et l’accompagnement des survivants.",
                "The project is carried out in partnership with the national authorities and civil "
                "society organizations, which play a crucial role in prevention and in supporting "
                "survivors.",
                "El proyecto se lleva a cabo en colaboración con las autoridades nacionales y "
                "organizaciones de la sociedad civil, que desempeñan un papel decisivo en la "
                "prevención y el acompañamiento de los sobrevivientes.",
            ),
        ],
    ),
    Subject(
        "diaspora",
        ["diaspora", "sustainable-development", "partnerships"],
        [
            "senegal",
            "ethiopia",
            "somalia",
            "haiti",
            "colombia",
            "philippines",
            "guatemala",
            "pakistan",
        ],
        (300, 2_500, 50),
        None,
        (
            "Une nouvelle plateforme de l’OIM met les compétences de la diaspora au service {of}",
            "New IOM Platform Connects Diaspora Professionals with Employers {in}",
            "Una nueva plataforma de la OIM pone las competencias de la diáspora al servicio {of}",
        ),
        (
            "La plateforme en ligne met en relation les membres de la diaspora avec des hôpitaux, "
            "des universités et des entreprises {in} qui recherchent des compétences précises, pour "
            "des missions courtes, à distance ou sur place.",
            "The online platform connects members of the diaspora with hospitals, universities and "
            "businesses {in} that are looking for specific skills, for short assignments, remotely "
            "or on site.",
            "La plataforma en línea pone en contacto a miembros de la diáspora con hospitales, "
            "universidades y empresas {in} que buscan competencias específicas, para misiones "
            "cortas, a distancia o sobre el terreno.",
        ),
        [
            (
                "Médecins, ingénieurs, enseignants ou entrepreneurs : les membres de la diaspora sont "
                "nombreux à vouloir contribuer au développement de leur pays d’origine, mais "
                "manquent souvent de points d’entrée concrets. Plus de {n} d’entre eux se sont déjà "
                "inscrits.",
                "Doctors, engineers, teachers and entrepreneurs: many members of the diaspora want to "
                "contribute to the development of their country of origin but often lack a concrete "
                "way in. More than {n} have already signed up.",
                "Médicos, ingenieros, docentes o emprendedores: muchos miembros de la diáspora "
                "desean contribuir al desarrollo de su país de origen, pero a menudo carecen de vías "
                "concretas para hacerlo. Más de {n} ya se han inscrito.",
            ),
            (
                "La plateforme a été conçue avec le ministère chargé de la diaspora et des "
                "associations de la diaspora établies en Europe, en Amérique du Nord et dans la "
                "région.",
                "The platform was designed with the ministry responsible for the diaspora and with "
                "diaspora associations based in Europe, North America and the region.",
                "La plataforma se diseñó con el ministerio encargado de la diáspora y con "
                "asociaciones de la diáspora establecidas en Europa, América del Norte y la región.",
            ),
            (
                "Au-delà des transferts de fonds, qui dépassent désormais l’aide publique au "
                "développement dans de nombreux pays, l’OIM encourage le transfert de compétences et "
                "l’investissement de la diaspora dans des secteurs productifs.",
                "Beyond remittances, which now exceed official development assistance in many "
                "countries, IOM encourages diaspora skills transfer and investment in productive "
                "sectors.",
                "Más allá de las remesas, que ya superan la ayuda oficial al desarrollo en muchos "
                "países, la OIM fomenta la transferencia de competencias y la inversión de la "
                "diáspora en sectores productivos.",
            ),
        ],
    ),
    Subject(
        "information-app",
        ["innovation-and-technology", "migration-governance"],
        [
            "ecuador",
            "senegal",
            "philippines",
            "ethiopia",
            "niger",
            "guatemala",
            "bangladesh",
            "honduras",
        ],
        (10_000, 150_000, 1_000),
        None,
        (
            "{In}, une application mobile aide les migrants à accéder à des informations fiables",
            "{In}, a New Mobile App Helps Migrants Find Reliable Information",
            "{In}, una aplicación móvil ayuda a las personas migrantes a acceder a información "
            "fiable",
        ),
        (
            "Développée par l’OIM avec les autorités {of}, l’application gratuite fournit, en "
            "plusieurs langues, des informations vérifiées sur les démarches administratives, les "
            "droits des migrants et les services d’assistance disponibles.",
            "Developed by IOM with the authorities {of}, the free app provides verified information, "
            "in several languages, on administrative procedures, migrants’ rights and the assistance "
            "services available.",
            "Desarrollada por la OIM con las autoridades {of}, la aplicación gratuita ofrece, en "
            "varios idiomas, información verificada sobre los trámites administrativos, los "
            "derechos de las personas migrantes y los servicios de asistencia disponibles.",
        ),
        [
            (
                "La désinformation et les rumeurs diffusées sur les réseaux sociaux poussent chaque "
                "année de nombreuses personnes à entreprendre des voyages dangereux. L’application "
                "propose une alternative fiable, accessible même avec une connexion internet "
                "limitée.",
                "Misinformation and rumours spread on social media lead many people to undertake "
                "dangerous journeys every year. The app offers a reliable alternative that works even "
                "with a limited internet connection.",
                "La desinformación y los rumores que circulan por las redes sociales llevan cada año "
                "a muchas personas a emprender viajes peligrosos. La aplicación ofrece una "
                "alternativa fiable, accesible incluso con una conexión a internet limitada.",
            ),
            (
                "Depuis son lancement, elle a été téléchargée plus de {n} fois. Une messagerie permet "
                "aussi de poser des questions à des conseillers, qui répondent dans un délai de "
                "48 heures.",
                "Since its launch, it has been downloaded more than {n} times. A messaging service "
                "also lets users put questions to advisers, who reply within 48 hours.",
                "Desde su lanzamiento, se ha descargado más de {n} veces. Un servicio de mensajería "
                "permite además plantear preguntas a asesores, que responden en un plazo de 48 "
                "horas.",
            ),
            (
                "La protection des données personnelles a été au cœur de la conception de l’outil : "
                "aucune information permettant d’identifier les utilisateurs n’est conservée, "
                "conformément à la politique de protection des données de l’OIM.",
                "Personal data protection was central to the design of the tool: no information "
                "that could identify users is kept, in line with IOM’s data protection policy.",
                "La protección de los datos personales fue un elemento central del diseño de la "
                "herramienta: no se conserva ninguna información que permita identificar a los "
                "usuarios, de conformidad con la política de protección de datos de la OIM.",
            ),
        ],
    ),
    Subject(
        "missing-migrants",
        ["data-and-research", "migration-governance", "regular-pathways"],
        [*REGIONS, "europe"],
        (400, 3_000, 10),
        None,
        (
            "Migrants disparus : l’OIM recense plus de {n} décès sur les routes migratoires {in}",
            "Missing Migrants: IOM Records More Than {n} Deaths on Migration Routes {in}",
            "Migrantes desaparecidos: la OIM registra más de {n} muertes en las rutas migratorias "
            "{in}",
        ),
        (
            "Selon les données du projet Migrants disparus de l’OIM, plus de {n} personnes ont perdu "
            "la vie ou ont disparu au cours des douze derniers mois en tentant de migrer {in}, un "
            "chiffre probablement inférieur à la réalité.",
            "According to data from IOM’s Missing Migrants Project, more than {n} people died or "
            "went missing over the past twelve months while trying to migrate {in}, a figure that "
            "is likely an undercount.",
            "Según los datos del Proyecto Migrantes Desaparecidos de la OIM, más de {n} personas "
            "murieron o desaparecieron en los últimos doce meses al intentar migrar {in}, una cifra "
            "que probablemente se queda corta.",
        ),
        [
            (
                "Noyades, accidents de la route, violences, conditions climatiques extrêmes ou "
                "absence de soins : les causes de décès recensées témoignent des dangers auxquels "
                "s’exposent les personnes qui n’ont pas accès à des voies de migration sûres.",
                "Drowning, road accidents, violence, extreme weather and lack of medical care: the "
                "recorded causes of death reflect the dangers faced by people who have no access to "
                "safe migration pathways.",
                "Ahogamientos, accidentes de tráfico, violencia, condiciones climáticas extremas o "
                "falta de atención médica: las causas de muerte registradas reflejan los peligros a "
                "los que se exponen las personas sin acceso a vías de migración seguras.",
            ),
            (
                "Dans de nombreux cas, les restes des personnes décédées ne sont jamais identifiés, "
                "laissant les familles dans l’incertitude. L’OIM appelle les États à renforcer leur "
                "coopération pour identifier les défunts et informer leurs proches.",
                "In many cases, the remains of those who died are never identified, leaving families "
                "in uncertainty. IOM is calling on States to step up cooperation to identify the "
                "dead and inform their relatives.",
                "En muchos casos, los restos de las personas fallecidas nunca se identifican, lo que "
                "deja a las familias en la incertidumbre. La OIM insta a los Estados a reforzar la "
                "cooperación para identificar a los fallecidos e informar a sus familiares.",
            ),
            (
                "Ces chiffres rappellent l’urgence d’élargir les voies de migration régulières et de "
                "renforcer les capacités de recherche et de sauvetage, conformément aux engagements "
                "pris par les États dans le Pacte mondial pour les migrations.",
                "These figures underline the urgent need to expand regular migration pathways and "
                "strengthen search and rescue capacity, in line with the commitments made by States "
                "in the Global Compact for Migration.",
                "Estas cifras ponen de manifiesto la urgencia de ampliar las vías de migración "
                "regular y reforzar la capacidad de búsqueda y salvamento, de conformidad con los "
                "compromisos asumidos por los Estados en el Pacto Mundial para la Migración.",
            ),
        ],
        from_geneva=True,
    ),
    Subject(
        "appeal",
        ["emergencies", "partnerships", "displacement"],
        REGIONS,
        (200_000, 3_000_000, 50_000),
        (400, 2_500, 50),
        (
            "L’OIM lance un appel de {amount} pour venir en aide aux personnes déplacées {in}",
            "IOM Appeals for {amount} to Assist Displaced People {in}",
            "La OIM hace un llamamiento de {amount} para asistir a las personas desplazadas {in}",
        ),
        (
            "L’OIM a présenté aujourd’hui son plan de réponse pour l’année à venir {in}. Il vise à "
            "fournir une aide vitale à plus de {n} personnes déplacées, migrants et membres des "
            "communautés d’accueil.",
            "IOM today presented its response plan for the coming year {in}. It aims to provide "
            "life-saving assistance to more than {n} displaced people, migrants and members of host "
            "communities.",
            "La OIM presentó hoy su plan de respuesta para el próximo año {in}. Su objetivo es "
            "prestar asistencia vital a más de {n} personas desplazadas, migrantes y miembros de las "
            "comunidades de acogida.",
        ),
        [
            (
                "Conflits, violences et catastrophes liées au climat continuent de chasser des "
                "millions de personnes de chez elles. Dans plusieurs pays, les besoins humanitaires "
                "atteignent des niveaux sans précédent, alors que les financements diminuent.",
                "Conflict, violence and climate-related disasters continue to force millions of "
                "people from their homes. In several countries, humanitarian needs are at "
                "unprecedented levels while funding is shrinking.",
                "Los conflictos, la violencia y los desastres relacionados con el clima siguen "
                "obligando a millones de personas a abandonar sus hogares. En varios países, las "
                "necesidades humanitarias alcanzan niveles sin precedentes, mientras que la "
                "financiación disminuye.",
            ),
            (
                "Le plan prévoit des abris, de l’eau potable, des soins de santé, un soutien "
                "psychosocial et des transferts monétaires, ainsi que la gestion des camps et des "
                "sites de déplacement, où l’OIM coordonne l’action de nombreux partenaires.",
                "The plan covers shelter, safe water, health care, psychosocial support and cash "
                "assistance, as well as the management of camps and displacement sites, where IOM "
                "coordinates the work of many partners.",
                "El plan contempla refugio, agua potable, atención sanitaria, apoyo psicosocial y "
                "transferencias monetarias, así como la gestión de campamentos y emplazamientos de "
                "desplazados, donde la OIM coordina la labor de numerosos asociados.",
            ),
            (
                "Il comprend également des activités de relèvement et de consolidation de la paix, "
                "afin d’aider les communautés à reconstruire leurs moyens de subsistance et à réduire "
                "leur dépendance à l’aide humanitaire.",
                "It also includes recovery and peacebuilding activities to help communities rebuild "
                "their livelihoods and reduce their dependence on humanitarian aid.",
                "También incluye actividades de recuperación y consolidación de la paz para ayudar a "
                "las comunidades a reconstruir sus medios de vida y reducir su dependencia de la "
                "ayuda humanitaria.",
            ),
            (
                "L’OIM remercie ses donateurs pour leur soutien constant et appelle la communauté "
                "internationale à ne pas détourner le regard des crises prolongées, qui risquent de "
                "tomber dans l’oubli.",
                "IOM thanks its donors for their continued support and urges the international "
                "community not to look away from protracted crises that risk being forgotten.",
                "La OIM agradece a sus donantes su apoyo constante e insta a la comunidad "
                "internacional a no apartar la mirada de las crisis prolongadas, que corren el riesgo "
                "de caer en el olvido.",
            ),
        ],
        from_geneva=True,
    ),
    Subject(
        "border-management",
        ["migration-governance", "partnerships"],
        [
            "niger",
            "chad",
            "libya",
            "ethiopia",
            "somalia",
            "ecuador",
            "guatemala",
            "south_sudan",
            "vanuatu",
            "senegal",
        ],
        (4, 19, 1),
        None,
        (
            "Gestion des frontières : l’OIM remet de nouveaux équipements au Gouvernement {of}",
            "Border Management: IOM Hands Over New Equipment to the Government {of}",
            "Gestión de fronteras: la OIM entrega nuevos equipos al Gobierno {of}",
        ),
        (
            "Le matériel remis cette semaine équipera {n} postes frontaliers et permettra "
            "d’enregistrer les entrées et les sorties de manière plus fiable, dans le respect des "
            "droits des voyageurs et des migrants.",
            "The equipment handed over this week will serve {n} border posts and allow entries and "
            "exits to be recorded more reliably, while respecting the rights of travellers and "
            "migrants.",
            "El material entregado esta semana equipará {n} puestos fronterizos y permitirá "
            "registrar las entradas y salidas de forma más fiable, respetando los derechos de los "
            "viajeros y de las personas migrantes.",
        ),
        [
            (
                "Le don comprend des ordinateurs, des lecteurs de documents, des panneaux solaires et "
                "le système d’information et d’analyse des données sur la migration (MIDAS) de "
                "l’OIM, déjà utilisé dans une vingtaine de pays.",
                "The donation includes computers, document readers, solar panels and IOM’s Migration "
                "Information and Data Analysis System (MIDAS), already in use in some twenty "
                "countries.",
                "La donación incluye computadoras, lectores de documentos, paneles solares y el "
                "Sistema de Información y Análisis de Datos sobre la Migración (MIDAS) de la OIM, "
                "que ya se utiliza en una veintena de países.",
            ),
            (
                "Plus de quatre-vingts agents des services de l’immigration ont été formés à "
                "l’utilisation des équipements, mais aussi à la détection des documents frauduleux "
                "et à l’orientation des personnes vulnérables, notamment des enfants non "
                "accompagnés.",
                "More than eighty immigration officers have been trained to use the equipment, as "
                "well as to detect fraudulent documents and to refer vulnerable people, including "
                "unaccompanied children.",
                "Más de ochenta agentes de los servicios de inmigración han recibido formación sobre "
                "el uso de los equipos, así como sobre la detección de documentos fraudulentos y la "
                "derivación de personas vulnerables, en particular de niños no acompañados.",
            ),
            (
                "Une gestion des frontières efficace et respectueuse des droits humains facilite les "
                "déplacements légitimes, le commerce transfrontalier et la libre circulation prévue "
                "par les accords régionaux, tout en renforçant la sécurité.",
                "Effective border management that respects human rights facilitates legitimate "
                "travel, cross-border trade and the free movement provided for in regional "
                "agreements, while strengthening security.",
                "Una gestión de fronteras eficaz y respetuosa de los derechos humanos facilita los "
                "desplazamientos legítimos, el comercio transfronterizo y la libre circulación "
                "prevista en los acuerdos regionales, al tiempo que refuerza la seguridad.",
            ),
        ],
    ),
    Subject(
        "rising-seas",
        ["climate-change", "migration-governance", "sustainable-development"],
        ["vanuatu", "bangladesh", "philippines", "senegal", "mozambique"],
        (300, 2_000, 50),
        None,
        (
            "Montée des eaux : {in}, des communautés côtières préparent leur avenir avec l’appui de "
            "l’OIM",
            "Rising Seas: Coastal Communities {in} Plan Their Future with IOM Support",
            "Aumento del nivel del mar: comunidades costeras {in} preparan su futuro con el apoyo de "
            "la OIM",
        ),
        (
            "Érosion du littoral, salinisation des terres et tempêtes plus violentes menacent des "
            "villages entiers {in}. L’OIM aide les autorités et les habitants à évaluer les risques "
            "et, lorsque c’est inévitable, à préparer une réinstallation planifiée dans la dignité.",
            "Coastal erosion, salinization of farmland and stronger storms threaten entire villages "
            "{in}. IOM is helping the authorities and residents assess the risks and, where it "
            "cannot be avoided, prepare for planned relocation in dignity.",
            "La erosión costera, la salinización de las tierras y tormentas cada vez más violentas "
            "amenazan aldeas enteras {in}. La OIM ayuda a las autoridades y a la población a evaluar "
            "los riesgos y, cuando resulta inevitable, a preparar un reasentamiento planificado en "
            "condiciones dignas.",
        ),
        [
            (
                "Dans les villages concernés, des ateliers de cartographie participative ont permis "
                "aux habitants d’identifier les zones à risque et les priorités de leur communauté. "
                "Près de {n} personnes y ont pris part, dont de nombreuses femmes et de nombreux "
                "jeunes.",
                "In the villages concerned, participatory mapping workshops have allowed residents to "
                "identify risk areas and their community’s priorities. Nearly {n} people took part, "
                "many of them women and young people.",
                "En las aldeas afectadas, talleres de cartografía participativa han permitido a los "
                "habitantes identificar las zonas de riesgo y las prioridades de su comunidad. Casi "
                "{n} personas participaron, muchas de ellas mujeres y jóvenes.",
            ),
            (
                "L’OIM soutient aussi des mesures d’adaptation sur place – digues végétalisées, "
                "cultures résistantes au sel, systèmes d’alerte précoce – afin que partir reste un "
                "choix et non une contrainte.",
                "IOM is also supporting adaptation measures on the ground – planted embankments, "
                "salt-tolerant crops, early warning systems – so that moving remains a choice rather "
                "than a necessity.",
                "La OIM también apoya medidas de adaptación sobre el terreno (diques con vegetación, "
                "cultivos resistentes a la sal, sistemas de alerta temprana) para que marcharse siga "
                "siendo una opción y no una obligación.",
            ),
            (
                "Les enseignements tirés de ces projets alimentent les discussions internationales "
                "sur les pertes et préjudices et sur la mobilité climatique, où l’OIM plaide pour que "
                "la voix des communautés touchées soit pleinement entendue.",
                "Lessons from these projects are feeding into international discussions on loss and "
                "damage and on climate mobility, where IOM advocates for the voices of affected "
                "communities to be fully heard.",
                "Las lecciones extraídas de estos proyectos alimentan los debates internacionales "
                "sobre pérdidas y daños y sobre la movilidad climática, en los que la OIM aboga por "
                "que se escuche plenamente la voz de las comunidades afectadas.",
            ),
        ],
    ),
    Subject(
        "regional-dialogue",
        ["migration-governance", "regular-pathways", "partnerships"],
        [*REGIONS, "europe"],
        (8, 26, 1),
        None,
        (
            "Gouvernance des migrations : les États {of} s’accordent sur des priorités communes",
            "Migration Governance: States {of} Agree on Shared Priorities",
            "Gobernanza de la migración: los Estados {of} acuerdan prioridades comunes",
        ),
        (
            "Réunis pendant deux jours à l’invitation de l’OIM, des représentants de {n} "
            "gouvernements ont adopté une feuille de route pour améliorer leur coopération en "
            "matière de migration, de la collecte de données à l’ouverture de voies régulières.",
            "Meeting for two days at IOM’s invitation, representatives of {n} governments adopted a "
            "road map to improve their cooperation on migration, from data collection to opening "
            "regular pathways.",
            "Reunidos durante dos días por invitación de la OIM, representantes de {n} gobiernos "
            "adoptaron una hoja de ruta para mejorar su cooperación en materia de migración, desde "
            "la recopilación de datos hasta la apertura de vías regulares.",
        ),
        [
            (
                "Les délégations ont souligné que la plupart des migrations se déroulent au sein même "
                "de la région et contribuent largement aux économies locales. Elles se sont engagées "
                "à harmoniser leurs pratiques en matière de documents de voyage et de reconnaissance "
                "des qualifications.",
                "Delegations stressed that most migration takes place within the region itself and "
                "makes a major contribution to local economies. They committed to harmonizing their "
                "practices on travel documents and the recognition of qualifications.",
                "Las delegaciones subrayaron que la mayor parte de la migración se produce dentro de "
                "la propia región y contribuye en gran medida a las economías locales. Se "
                "comprometieron a armonizar sus prácticas en materia de documentos de viaje y "
                "reconocimiento de cualificaciones.",
            ),
            (
                "La feuille de route prévoit également un mécanisme d’échange d’informations pour "
                "mieux anticiper les mouvements liés aux catastrophes et aux crises, et accorde une "
                "attention particulière à la protection des migrants en situation de vulnérabilité.",
                "The road map also provides for an information-sharing mechanism to better "
                "anticipate movements linked to disasters and crises, and pays particular attention "
                "to the protection of migrants in vulnerable situations.",
                "La hoja de ruta prevé además un mecanismo de intercambio de información para "
                "anticipar mejor los movimientos vinculados a desastres y crisis, y presta especial "
                "atención a la protección de las personas migrantes en situación de "
                "vulnerabilidad.",
            ),
            (
                "L’OIM accompagnera la mise en œuvre de ces engagements, avec les organisations "
                "régionales et les processus consultatifs existants, et en fera le bilan lors de la "
                "prochaine réunion, prévue l’an prochain.",
                "IOM will support the implementation of these commitments, working with regional "
                "organizations and existing consultative processes, and will take stock of progress "
                "at the next meeting, planned for next year.",
                "La OIM acompañará la aplicación de estos compromisos, junto con las organizaciones "
                "regionales y los procesos consultivos existentes, y hará balance en la próxima "
                "reunión, prevista para el año que viene.",
            ),
        ],
    ),
    Subject(
        "emergency-aid",
        ["emergencies", "displacement"],
        ["haiti", "afghanistan", "south_sudan", "somalia", "libya", "chad", "ethiopia", "colombia"],
        (1_500, 20_000, 100),
        None,
        (
            "{In}, l’OIM apporte une aide d’urgence à {n} familles déplacées",
            "{In}, IOM Delivers Emergency Aid to {n} Displaced Families",
            "{In}, la OIM presta ayuda de emergencia a {n} familias desplazadas",
        ),
        (
            "Face à la dégradation de la situation humanitaire, l’OIM a distribué ces dernières "
            "semaines des abris, des kits d’hygiène et des transferts monétaires à {n} familles "
            "contraintes de fuir leur foyer.",
            "As the humanitarian situation deteriorates, IOM has distributed shelter, hygiene kits "
            "and cash assistance in recent weeks to {n} families forced to flee their homes.",
            "Ante el deterioro de la situación humanitaria, la OIM ha distribuido en las últimas "
            "semanas refugios, kits de higiene y transferencias monetarias a {n} familias que se "
            "vieron obligadas a huir de sus hogares.",
        ),
        [
            (
                "Beaucoup de familles ont tout perdu et vivent dans des sites de fortune, sans accès "
                "suffisant à l’eau ni aux latrines. Les femmes et les filles sont particulièrement "
                "exposées aux risques de violence.",
                "Many families have lost everything and are living in makeshift sites without "
                "adequate access to water or latrines. Women and girls are particularly exposed to "
                "the risk of violence.",
                "Muchas familias lo han perdido todo y viven en emplazamientos improvisados, sin "
                "acceso suficiente al agua ni a letrinas. Las mujeres y las niñas están especialmente "
                "expuestas al riesgo de violencia.",
            ),
            (
                "Les transferts monétaires permettent aux familles de couvrir elles-mêmes leurs "
                "besoins les plus pressants, tout en soutenant les marchés locaux. Un suivi permet de "
                "s’assurer que l’aide parvient aux plus vulnérables.",
                "Cash assistance allows families to meet their most pressing needs themselves while "
                "supporting local markets. Monitoring ensures that aid reaches the most vulnerable.",
                "Las transferencias monetarias permiten a las familias cubrir por sí mismas sus "
                "necesidades más urgentes, al tiempo que apoyan los mercados locales. Un seguimiento "
                "permite garantizar que la ayuda llegue a las personas más vulnerables.",
            ),
            (
                "L’accès humanitaire reste toutefois difficile dans plusieurs zones. L’OIM rappelle "
                "que toutes les parties doivent permettre un accès sûr et sans entrave aux personnes "
                "dans le besoin.",
                "Humanitarian access nevertheless remains difficult in several areas. IOM reiterates "
                "that all parties must allow safe and unimpeded access to people in need.",
                "No obstante, el acceso humanitario sigue siendo difícil en varias zonas. La OIM "
                "recuerda que todas las partes deben permitir un acceso seguro y sin trabas a las "
                "personas necesitadas.",
            ),
            (
                "Les opérations de l’OIM {in} ne sont financées qu’à hauteur d’un tiers des besoins. "
                "Sans fonds supplémentaires, l’assistance devra être réduite dans les prochains "
                "mois.",
                "IOM’s operations {in} are only one-third funded. Without additional funding, "
                "assistance will have to be scaled back in the coming months.",
                "Las operaciones de la OIM {in} solo cuentan con un tercio de los fondos necesarios. "
                "Sin financiación adicional, la asistencia tendrá que reducirse en los próximos "
                "meses.",
            ),
        ],
    ),
]
