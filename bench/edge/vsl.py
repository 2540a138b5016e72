"""Reading varnishlog's output (`-g vxid`): each transaction's kind, records and timestamps."""

from dataclasses import dataclass, field


@dataclass
class Transaction:
    kind: str  # Request, BeReq, Session
    vxid: int
    records: list[tuple[str, str]] = field(default_factory=list)

    def first(self, tag, default=None):
        return next((data for name, data in self.records if name == tag), default)

    def at(self, event):
        """The wall-clock time (Unix seconds) of a Timestamp record, e.g. at("Start")."""
        for name, data in self.records:
            if name == "Timestamp" and data.startswith(f"{event}:"):
                return float(data.split()[1])
        return None


def transactions(text):
    found = []
    for line in text.splitlines():
        if line.startswith("*"):  # "*   << Request  >> 32770"
            parts = line.replace("<<", " ").replace(">>", " ").split()
            found.append(Transaction(kind=parts[1], vxid=int(parts[2])))
        elif line.startswith("-") and found:  # "-   Timestamp      Start: 1796579543.35 0.0 0.0"
            tag, _, data = line.lstrip("- ").partition(" ")
            found[-1].records.append((tag, data.strip()))
    return found


def purges(text):
    return [t for t in transactions(text) if t.first("ReqMethod") == "PURGE"]


def fetches(text, url):
    """The backend fetches of `url`: Varnish asking nginx (and a node) for the page."""
    return [t for t in transactions(text) if t.kind == "BeReq" and t.first("BereqURL") == url]
