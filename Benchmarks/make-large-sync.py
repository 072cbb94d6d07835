#!/usr/bin/env python3
"""Generate Sync-resp-email-large.xml: one Sync response with 1,000 email Adds, for the
WBXML throughput benchmark (too large to commit, so it is made on demand).

Deterministic (fixed seed), so re-running reproduces the same file byte for byte.
Writes the fixture XML form: utf-8 declaration, two-space indentation, root namespace as
default, other namespaces declared on the root in order of first use, only & < > escaped.

    python3 make-large-sync.py            # writes .generated/Sync-resp-email-large.xml here
    python3 make-large-sync.py --encode   # also writes .generated/Sync-resp-email-large.wbxml with libwbxml

libwbxml's xml2wbxml only recognises the ActiveSync language from a DOCTYPE, so --encode
feeds it a temporary copy with the ActiveSync DOCTYPE added; the fixture itself has none.
"""
import base64
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '.generated')
NAME = 'Sync-resp-email-large'
COUNT = 1000
SEED = 20261130

SENDERS = [
    ('Anna Schmidt', 'anna.schmidt@contoso.example'),
    ('Jörg Schmitz', 'joerg.schmitz@contoso.example'),
    ('Li Wei', 'li.wei@fabrikam.example'),
    ('王芳', 'wang.fang@fabrikam.example'),
    ('Tom Meyer', 'tom.meyer@northwind.example'),
    ('Sofía García', 'sofia.garcia@adatum.example'),
    ('François Dubois', 'francois.dubois@litware.example'),
    ('Ingrid Østergaard', 'ingrid.ostergaard@woodgrove.example'),
    ('佐藤 健', 'ken.sato@tailspin.example'),
    ('Mehmet Yılmaz', 'mehmet.yilmaz@proseware.example'),
    ('Buchhaltung', 'buchhaltung@tern.example'),
    ('IT-Service', 'it-service@tern.example'),
    ('GitHub', 'noreply@github.example'),
    ('Deutsche Bahn', 'buchungsbestaetigung@bahn.example'),
]
TOPICS = [
    'Angebot {n} – bitte prüfen', 'Rechnung Nr. {n}', 'Re: Projektstatus KW {w}', 'AW: Termin am {d}.12.',
    'Quarterly review {n}', 'Ihre Buchung {n}', '会议纪要 {n}', 'Fwd: Vertragsentwurf v{v}',
    'Build #{n} failed', 'Reisekosten November', 'Einladung: Workshop „Datenschutz“', 'Wartungsfenster {d}.12.',
    'Réunion de suivi {n}', 'Urlaubsvertretung', '見積書の件 ({n})', 'Sprint {w} Retro – Notizen',
]
CATEGORIES = ['Kunde', 'Intern', 'Wichtig', 'Rechnung', 'Privat', '会议', 'Reise']
SENTENCES = [
    'Vielen Dank für Ihre schnelle Rückmeldung.',
    'Anbei sende ich Ihnen die überarbeitete Fassung mit allen Änderungen.',
    'Bitte prüfen Sie insbesondere die Abschnitte 3.2 und 4.1 & geben Sie mir bis Freitag Bescheid.',
    'Die Lieferung erfolgt voraussichtlich in KW 51; Teillieferungen sind möglich.',
    'Could you confirm the figures before we send them to the steering committee?',
    'The deployment window is Saturday 02:00–04:00 CET; expect a short outage.',
    'Für Rückfragen stehe ich Ihnen gerne zur Verfügung.',
    '请在周五之前确认预算。',
    '附件是最新的报价单,请查收。',
    'Merci de me faire parvenir les documents signés avant la fin du mois.',
    'Der Termin wurde auf Mittwoch, 14:00 Uhr verschoben (Raum 3.14).',
    'We agreed to move the milestone by two weeks; risks are listed below.',
    'Die Kosten liegen bei 12.480,00 € netto zzgl. 19 % MwSt.',
    'ご確認のほど、よろしくお願いいたします。',
    'Please do not reply to this automatically generated message.',
    'Zwischen Zürich, München und Linz gibt es noch offene Punkte <siehe Liste>.',
    'Ticket 4711 ist gelöst; die Ursache war ein abgelaufenes Zertifikat.',
    'Mit freundlichen Grüßen aus Köln.',
]


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def body_text(rng, target):
    paras, size = [], 0
    while size < target:
        para = ' '.join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 5)))
        paras.append(para)
        size += len(para.encode('utf-8')) + 2
    return '\n\n'.join(paras)


def main():
    rng = random.Random(SEED)
    ns_order = ['email', 'airsyncbase', 'email2']
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             '<Sync xmlns="AirSync:" xmlns:email="Email:" xmlns:airsyncbase="AirSyncBase:" xmlns:email2="Email2:">',
             '  <Collections>', '    <Collection>',
             '      <SyncKey>{3e8d2c1b-0a9f-4e7d-8c6b-5a4f3e2d1c0b}42</SyncKey>',
             '      <CollectionId>5</CollectionId>', '      <Status>1</Status>',
             '      <MoreAvailable/>', '      <Commands>']
    me = ('Jürgen Weber', 'juergen.weber@tern.example')
    for i in range(COUNT):
        sender = rng.choice(SENDERS)
        topic = rng.choice(TOPICS).format(n=rng.randint(1000, 99999), w=rng.randint(1, 52),
                                          d=rng.randint(1, 28), v=rng.randint(2, 9))
        day, hour, minute, sec = 1 + i * 29 // COUNT, rng.randint(6, 21), rng.randint(0, 59), rng.randint(0, 59)
        date = '2026-11-%02dT%02d:%02d:%02d.000Z' % (day, hour, minute, sec)
        html = rng.random() < 0.3
        text = body_text(rng, rng.randint(1900, 3800))
        text += '\n\n%s\n%s' % (sender[0], sender[1])
        if html:
            data = '<html><body>' + ''.join('<p>%s</p>\n' % p.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
                                            for p in text.split('\n\n')).rstrip('\n') + '</body></html>'
        else:
            data = text
        size = len(data.encode('utf-8'))
        truncated = size > 4096
        if truncated:
            cut = data.encode('utf-8')[:4096].decode('utf-8', 'ignore').rstrip()
            data = cut
        cid = base64.b64encode(bytes(rng.getrandbits(8) for _ in range(16))).decode()
        cix = base64.b64encode(b'\x01' + bytes(rng.getrandbits(8) for _ in range(21))).decode()
        ind = ' ' * 12
        a = ['        <Add>', '          <ServerId>5:%d</ServerId>' % (1000 + i), '          <ApplicationData>',
             ind + '<email:To>%s</email:To>' % esc('"%s" <%s>' % me),
             ind + '<email:From>%s</email:From>' % esc('"%s" <%s>' % sender),
             ind + '<email:Subject>%s</email:Subject>' % esc(topic),
             ind + '<email:DateReceived>%s</email:DateReceived>' % date,
             ind + '<email:DisplayTo>%s</email:DisplayTo>' % esc(me[0]),
             ind + '<email:ThreadTopic>%s</email:ThreadTopic>' % esc(topic.split(': ', 1)[-1]),
             ind + '<email:Importance>%d</email:Importance>' % rng.choice((1, 1, 1, 1, 2, 0)),
             ind + '<email:Read>%d</email:Read>' % (rng.random() < 0.6),
             ind + '<airsyncbase:Body>',
             ind + '  <airsyncbase:Type>%d</airsyncbase:Type>' % (2 if html else 1),
             ind + '  <airsyncbase:EstimatedDataSize>%d</airsyncbase:EstimatedDataSize>' % size,
             ind + '  <airsyncbase:Truncated>%d</airsyncbase:Truncated>' % truncated,
             ind + '  <airsyncbase:Data>%s</airsyncbase:Data>' % esc(data),
             ind + '</airsyncbase:Body>',
             ind + '<email:MessageClass>IPM.Note</email:MessageClass>',
             ind + '<email:InternetCPID>65001</email:InternetCPID>',
             ind + '<email:Flag/>',
             ind + '<email:ContentClass>urn:content-classes:message</email:ContentClass>',
             ind + '<airsyncbase:NativeBodyType>%d</airsyncbase:NativeBodyType>' % (2 if html else 1),
             ind + '<email2:ConversationId>%s</email2:ConversationId>' % cid,
             ind + '<email2:ConversationIndex>%s</email2:ConversationIndex>' % cix]
        if rng.random() < 0.25:
            a.append(ind + '<email:Categories>')
            for c in rng.sample(CATEGORIES, rng.randint(1, 2)):
                a.append(ind + '  <email:Category>%s</email:Category>' % esc(c))
            a.append(ind + '</email:Categories>')
        a += ['          </ApplicationData>', '        </Add>']
        lines += a
    lines += ['      </Commands>', '    </Collection>', '  </Collections>', '</Sync>']
    xml = '\n'.join(lines) + '\n'
    os.makedirs(HERE, exist_ok=True)
    xml_path = os.path.join(HERE, NAME + '.xml')
    with open(xml_path, 'w', encoding='utf-8', newline='\n') as f:
        f.write(xml)
    print('%s: %d bytes' % (xml_path, len(xml.encode('utf-8'))))
    if '--encode' in sys.argv:
        head, rest = xml.split('\n', 1)
        doctype = '<!DOCTYPE ActiveSync PUBLIC "-//MICROSOFT//DTD ActiveSync//EN" "http://www.microsoft.com/">'
        with tempfile.NamedTemporaryFile('w', suffix='.xml', encoding='utf-8', delete=False) as t:
            t.write(head + '\n' + doctype + '\n' + rest)
        wbxml_path = os.path.join(HERE, NAME + '.wbxml')
        try:
            subprocess.run(['xml2wbxml', '-a', '-n', '-o', wbxml_path, t.name], check=True)
        finally:
            os.unlink(t.name)
        print('%s: %d bytes' % (wbxml_path, os.path.getsize(wbxml_path)))


if __name__ == '__main__':
    main()
