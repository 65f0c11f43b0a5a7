# Polski — DRAFT translation, written for issue 14 and not yet reviewed.
# It must be reviewed by native speakers (ideally counsellors of a Polish hotline) before it is
# used on real calls: wording, register and the names of things on a call are a first attempt.
# Until then, messages not yet in the catalogues are shown in English (docs/translating.md).
#
# Plural forms (CLDR, Intl.PluralRules 'pl'): one (1), few (2-4, 22-24, ...), many (0, 5-21,
# 25-31, ...), other (fractions). Counsellor-facing text uses the informal imperative
# ("Naciśnij", "Wybierz"), as Polish software usually does; script read to the caller is in the SOP.

## src/shell/tui/open-library.ts

tui-open-library-no-such-file-give-the = { $arg }: nie ma takiego pliku. Podaj ścieżkę pliku .sop.yaml albo identyfikator SOP ("sop run" bez nazwy pokazuje menu).
tui-open-library-the-sop-library-in-has = { $errorsCount ->
    [one] biblioteka SOP w { $paths } ma { $errorsCount } błąd (powyżej); popraw go przed rozpoczęciem rozmowy ("sop validate" też go pokazuje).
    [few] biblioteka SOP w { $paths } ma { $errorsCount } błędy (powyżej); popraw je przed rozpoczęciem rozmowy ("sop validate" też je pokazuje).
   *[other] biblioteka SOP w { $paths } ma { $errorsCount } błędów (powyżej); popraw je przed rozpoczęciem rozmowy ("sop validate" też je pokazuje).
}
tui-open-library-no-sops-sop-yaml-in = brak SOP (*.sop.yaml) w { $paths }. Podaj folder biblioteki przez --sops DIR.

## src/shell/tui/pick-call.ts

tui-pick-call-which-call = Która rozmowa?

## src/shell/tui/prompts.ts

tui-prompts-navigate = przejdź
tui-prompts-select = wybierz

## src/shell/tui/render-step.ts

tui-render-step-of = { $from }–{ $to } z { $itemsCount }
tui-render-step-more-lines-shown-after-the = { $more ->
    [one] … jeszcze { $more } wiersz, widoczny po rozmowie
    [few] … jeszcze { $more } wiersze, widoczne po rozmowie
   *[other] … jeszcze { $more } wierszy, widocznych po rozmowie
}
tui-render-step-sensitive = Dane wrażliwe: ta odpowiedź nigdy nie jest zapisywana jawnie.
tui-render-step-a-number = liczba
tui-render-step-yes-no = tak / nie
tui-render-step-up-to-characters = { $maxLength ->
    [one] najwyżej { $maxLength } znak
    [few] najwyżej { $maxLength } znaki
   *[other] najwyżej { $maxLength } znaków
}

## src/shell/tui/run-scripted-call.ts

tui-run-scripted-call-the-answer-for-step-was = odpowiedź dla kroku { $step } została odrzucona ({ $code }); krok jest wrażliwy, więc odpowiedź nie jest tu powtarzana. Sprawdź ją w pliku odpowiedzi.
tui-run-scripted-call-the-answer-for-step-was-2 = odpowiedź dla kroku { $step } została odrzucona: { $message }
tui-run-scripted-call-step-was-reached-times-the = krok { $step } odwiedzono { $maxVisits } razy: plik odpowiedzi prowadzi rozmowę w pętli (krok dostaje za każdym razem tę samą odpowiedź). Zmień odpowiedź, która prowadzi z powrotem do { $step }.
tui-run-scripted-call-the-call-stopped-at = rozmowa zatrzymała się na { $at } ({ $stop })
tui-run-scripted-call-the-file-has-did-you = { " " }W pliku jest "{ $near }": czy chodziło o { $local }?
tui-run-scripted-call-add-a-line-answer = { " " }Dodaj wiersz "{ $local }: <odpowiedź>".
tui-run-scripted-call-no-answer-for-step-in = brak odpowiedzi dla kroku { $step } w pliku odpowiedzi.

## src/shell/tui/live-call.ts

tui-live-call-stop = STOP: dziennika rozmowy nie da się zapisać. Kontynuuj rozmowę na papierze.

## src/shell/tui/words.ts

tui-say = Powiedz:
tui-guidance = Wskazówka
tui-no-guidance = Ten krok nie ma wskazówki.
tui-source = Źródło
tui-more = … (powiększ okno, aby zobaczyć więcej)
tui-page-hint = ↑↓ przewijanie
tui-practice = ĆWICZENIE
tui-continue = Enter dalej
tui-type-answer = Wpisz odpowiedź · Enter zatwierdź
tui-esc-then = Esc, potem:
tui-keys-after-esc = Klawisze:{ " " }
tui-guidance-key = wskazówka
tui-back = wstecz
tui-note = notatka
tui-quit = wyjdź
tui-optional = (można zostawić puste)
tui-answer = Odpowiedź
tui-previously = Przed cofnięciem:
tui-note-prompt = Notatka (jeden wiersz, Enter zapisz, Esc anuluj):
tui-note-saved = Notatkę zapisano.
tui-note-empty = Pustej notatki nie zapisano.
tui-confirm-quit = Zakończyć teraz tę rozmowę? Zostanie zapisana jako przerwana; "sop resume" ją wznowi.  y = zakończ · n = zostań
tui-command-mode = Naciśnij klawisz: ? b n q albo klawisz przerwania; każdy inny wraca do wpisywania.
tui-ticked = zaznaczono
tui-nothing-ticked = Nic nie zaznaczono: Enter potwierdza „żadne”.
tui-summary = Podsumowanie rozmowy
tui-outcome = Wynik
tui-path = Przebyta ścieżka
tui-referrals = Skierowania
tui-no-referrals = brak
tui-hours = godziny
tui-unverified = NIEZWERYFIKOWANE
tui-last-verified = ostatnio sprawdzono
tui-unknown-contact = brak w katalogu
tui-duration = Czas trwania
tui-answers = Udzielone odpowiedzi
tui-sealed = (wrażliwe, zaszyfrowane)
tui-full-path = cała ścieżka
tui-session = Sesja
tui-journal = Dziennik
tui-interrupted-title = Rozmowa przerwana
tui-resume-hint = Wznów ją później poleceniem: sop resume
tui-stopped-at = Zatrzymano na
tui-unfinished-note-kept = Notatkę, którą wpisywano, zachowano w dzienniku z oznaczeniem „niedokończona”.
tui-more-answers = { $n ->
    [one] jeszcze { $n } odpowiedź
    [few] jeszcze { $n } odpowiedzi
   *[other] jeszcze { $n } odpowiedzi
}
tui-choose = ↑↓ lub { $digits } wybór · Enter zatwierdź
tui-toggle = ↑↓ ruch · Spacja lub { $digits } zaznacz · Enter zatwierdź

## src/core/training/training-words.ts

training-debrief = Omówienie
training-score = Wynik
training-points = pkt
training-of = z
training-decisions-part = Decyzje jak u eksperta
training-red-flags-part = Wychwycone sygnały alarmowe
training-not-in-scenario = brak w tym scenariuszu
training-expected = oczekiwano
training-not-finished = rozmowa nie została zakończona
training-referrals-missing = nie podano skierowań
training-decisions = Decyzje (twoje obok decyzji eksperta)
training-you = ty
training-expert = ekspert
training-not-reached = nie dotarto
training-not-comparable = zachowano tylko jako [redacted]: nie porównano
training-why = Dlaczego
training-caller = Rozmówca
training-expert-title = Ekspert
training-press = naciśnij
training-not-on-expert-path = rozmowa eksperta nie przechodzi przez ten krok.
training-not-scored = fakt od rozmówcy, nie jest oceniany
training-left-open = rozmówca tego nie powiedział, nie jest oceniane
training-off-path = Kroki poza ścieżką eksperta
training-red-flags = Sygnały alarmowe
training-visit-missed = nie przebyto
training-visit-hit = przebyto
training-interrupt-missed = nie użyto
training-interrupt-hit = użyto
training-interrupt = przerwanie
training-no-red-flags = Nie przeoczono żadnego sygnału alarmowego.
training-times = Czas na krok (ty / ekspert)
training-slow = wolno
training-report = Raport ze szkolenia
training-trainee = szkolony
training-sessions = sesje
training-scenarios-done = Ukończone scenariusze
training-scenario = scenariusz
training-attempts = próby
training-finished = ukończono
training-best = najlepszy
training-last = ostatni
training-not-done = Jeszcze nieukończone
training-over-time = Wyniki w czasie
training-when = data
training-score-column = wynik
training-unfinished = nieukończone
training-no-score = nie znaleziono scenariusza lub nie pasuje już do SOP: brak wyniku
training-divergences = Kroki, w których szkolony najczęściej decyduje inaczej niż ekspert
training-times-2 = razy
training-missed-flags = Najczęściej przeoczone sygnały alarmowe

## src/core/render/words.ts

render-otherwise = w przeciwnym razie
render-legend = Legenda
render-tail-call = jej wynik kończy tę procedurę
render-back-to = wróć do
render-see-above = zob. wyżej
render-unreachable = Nieosiągalne od początku
render-category-emergency = pomoc w nagłym wypadku
render-category-escalated = przekazano dalej
render-category-referred = skierowano
render-category-informed = poinformowano
render-category-no-action = bez działań
render-category-dropped = przerwano

## src/core/render/reference-words.ts

reference-or = lub
reference-yes = tak
reference-no = nie
reference-not-given = (nie podano)
reference-unknown-contact = (kontaktu brak w katalogu)
reference-open-always = czynne całą dobę
reference-open-until = teraz czynne, do
reference-closed-opens-today = teraz nieczynne, otwarcie dziś o
reference-closed-opens = teraz nieczynne, otwarcie
reference-closed = teraz nieczynne
reference-at = o
reference-days-mon = pon.
reference-days-tue = wt.
reference-days-wed = śr.
reference-days-thu = czw.
reference-days-fri = pt.
reference-days-sat = sob.
reference-days-sun = niedz.

## src/shell/commands/run.ts

commands-run-with-answers-name-the-sop = przy --answers podaj SOP do uruchomienia: sop run <sop> --answers FILE
commands-run-a-live-call-needs-a = rozmowa na żywo wymaga terminala (stdin i stdout muszą być TTY). Uruchom ją w oknie terminala albo poprowadź z pliku: sop run <sop> --answers FILE
commands-run-cannot-read-the-answers-file = nie można odczytać pliku odpowiedzi { $file } ({ $code })
commands-run-not-valid-yaml = { $at }: niepoprawny YAML: { $error }
commands-run-the-answers-file-must-map = { $file }: plik odpowiedzi musi przypisywać odpowiedzi krokom, jedno "krok: odpowiedź" w wierszu (np. "safe: yes", "referral/offer: no")
commands-run-which-sop = Która SOP?
commands-run-no-call-started-n =
    Nie rozpoczęto rozmowy.
    { "" }

## src/shell/commands/train.ts

commands-train-trainee-needs-a-pseudonym = --trainee wymaga pseudonimu
commands-train-trainee-holds-a-line-break = --trainee zawiera znak nowego wiersza lub znaki sterujące: użyj jednego wiersza zwykłego tekstu, pseudonimu takiego jak trainee-3
commands-train-a-training-scenario-cannot-come = scenariusz szkoleniowy nie może pochodzić ze stdin ("-"): terminal jest potrzebny do rozmowy. Podaj jego identyfikator lub plik.
commands-train-training-needs-a-terminal-stdin = szkolenie wymaga terminala (stdin i stdout muszą być TTY): uruchom je w oknie terminala. Aby sprawdzić scenariusze bez terminala, użyj: sop test
commands-train-ntraining-sessions-are-not-resumed =
    { "" }
    Sesji szkoleniowych się nie wznawia: zacznij od nowa poleceniem "sop train { $scenario }".
    { "" }
commands-train-not-a-scenario-file = to nie jest plik scenariusza
commands-train-cannot-train-with = nie można ćwiczyć z { $arg }: { $problem }
commands-train-no-scenarios-scenario-yaml-in = brak scenariuszy (*.scenario.yaml) w { $dir }. Podaj folder przez --scenarios DIR albo plik.
commands-train-easy = łatwy
commands-train-medium = średni
commands-train-hard = trudny
commands-train-done = ukończony
commands-train-which-scenario-trainee = Który scenariusz? (szkolony: { $trainee })
commands-train-no-training-started-n =
    Nie rozpoczęto szkolenia.
    { "" }
commands-train-the-situation = Sytuacja
commands-train-run-the-call-as-you = Poprowadź rozmowę tak jak prawdziwą: te same ekrany i klawisze. To, co mówi rozmówca, pojawia się nad krokiem.
commands-train-guided-pass-the-expert-s = Przejście z podpowiedziami: przy każdym kroku widać wybór eksperta i jego powód.
commands-train-start-the-call = Rozpocząć rozmowę?

## src/shell/cli/run.ts

cli-run-run-a-call-the-sop = poprowadź rozmowę: SOP krok po kroku w terminalu, zapisywana w dzienniku
cli-run-sop-id-or-file-default = identyfikator lub plik SOP (domyślnie: wybór z menu)
cli-run-your-pseudonym-in-the-journal = twój pseudonim w dzienniku (domyślnie: z pliku konfiguracji)
cli-run-run-without-a-terminal-answers = bez terminala: odpowiedzi z pliku YAML (krok: odpowiedź; "-" = stdin)
cli-run-keys-during-a-call-or =
    { "" }
    Klawisze podczas rozmowy:
      ↑ ↓ lub 1-9  wybór opcji               Spacja lub 1-9  zaznaczenie na liście
      Enter        zatwierdź / dalej         ?               wskazówka do kroku
      b            wstecz (następna odpowiedź poprawia wcześniejszą)
      n            notatka w jednym wierszu  q               wyjście (z pytaniem; rozmowę można wznowić)
      !            przerwania SOP (np. ! bezpośrednie zagrożenie), wymienione w stopce
      Przy wpisywanej odpowiedzi naciśnij najpierw Esc, potem klawisz.
      Klawisze literowe działają też w ukraińskim układzie klawiatury (й q, и b, т n).

    Każda odpowiedź jest zapisywana w dzienniku (i na dysku), zanim pojawi się następny krok.
    Odpowiedzi wrażliwe i wszystkie notatki nigdy nie są zapisywane jawnie. Kod wyjścia 0, gdy
    rozmowa się kończy, 130 po zatrzymaniu przez Ctrl+C, 1, gdy kończy się wcześniej z innego
    powodu (wyjście, brak odpowiedzi) lub SOP mają błędy, 2, gdy nie może się uruchomić (brak
    terminala, dziennika nie da się zapisać).

    Przykłady:
      sop run                                  wybór SOP z menu
      sop run first-contact --lang pl          rozmowa po polsku
      sop run sops/job-offer-abroad.sop.yaml --operator counsellor-7
      sop run first-contact --answers answers.yaml     bez terminala, np. pokaz lub sprawdzenie
      cat answers.yaml | sop run first-contact --answers -

## src/shell/cli/train.ts

cli-train-training-practise-a-scenario-exactly = szkolenie: przećwicz scenariusz dokładnie jak prawdziwą rozmowę, potem omówienie w porównaniu z ekspertem
cli-train-scenario-id-or-file-default = identyfikator lub plik scenariusza (domyślnie: wybór z menu)
cli-train-the-trainee-s-pseudonym-default = pseudonim szkolonego (domyślnie: operator z pliku konfiguracji)
cli-train-guided-first-pass-show-the = pierwsze przejście z podpowiedziami: wybór eksperta i jego powód przy każdym kroku
cli-train-progress-report-scenarios-done-scores = raport postępów: ukończone scenariusze, wyniki w czasie, gdzie szkolony odbiega od eksperta (domyślnie: --trainee)
cli-train-with-report-output-format = z --report: format wyniku
cli-train-language-of-the-screens-the = język ekranów, tekstów SOP i omówienia
cli-train-who-runs-the-session-recorded = kto prowadzi sesję, zapisywany w dzienniku (domyślnie: z pliku konfiguracji)
cli-train-where-scenarios-are-default-the = gdzie są scenariusze (domyślnie: folder scenarios biblioteki)
cli-train-the-trainee-reads-the-caller =
    { "" }
    Szkolony czyta opis sytuacji rozmówcy, potem prowadzi SOP na tych samych ekranach i klawiszach
    co "sop run" (? wskazówka, b wstecz, n notatka, q wyjście, ! i inne klawisze przerwań). Przy
    krokach, w których scenariusz opisuje rozmówcę, to, co mówi rozmówca, pojawia się nad krokiem.
    Na koniec omówienie: wynik na 100 punktów (decyzje jak u eksperta 50, sygnały alarmowe 25,
    wynik rozmowy 25; zob. docs/training.md), każda decyzja obok decyzji eksperta ze wskazówką
    kroku i powodem eksperta tam, gdzie się różnią, przeoczone sygnały alarmowe i czas na krok.

    Sesje trafiają do dziennika SZKOLENIOWEGO (<data dir>/journal/training/), nigdy do prawdziwych
    rozmów. Potrzebny jest terminal; do sprawdzania scenariuszy bez niego służy "sop test". Kod
    wyjścia 0, gdy rozmowę ukończono, 1, gdy zatrzymano ją wcześniej lub scenariusz nie pasuje już
    do SOP, 2, gdy nie może się uruchomić (brak terminala, dziennika nie da się zapisać).

    Przykłady:
      sop train                                      wybór scenariusza z menu
      sop train two-signs --trainee trainee-3        scenariusz według identyfikatora, pod pseudonimem
      sop train sops/scenarios/dv-danger-interrupt.scenario.yaml --lang pl
      sop train emergency-danger-passed --reveal     pierwsze przejście: wybór eksperta przy każdym kroku
      sop train --report                             twoje postępy (nazwa z --trainee / konfiguracji)
      sop train --report trainee-3 --format json     postępy jednego szkolonego jako JSON

## src/shell/cli/texts.ts

cli-texts-output-format = format wyniku
cli-texts-lang-of-messages = język komunikatów
cli-texts-lang-of-screens = język ekranów i tekstów SOP
cli-texts-data-dir = gdzie są dzienniki (domyślnie $XDG_DATA_HOME/sop-runner)
cli-texts-sops-folder = folder biblioteki SOP (domyślnie: ./sops)
cli-texts-sops-configured = biblioteka SOP (domyślnie: skonfigurowany folder sops, inaczej ./sops)
cli-texts-sop-argument = identyfikator SOP z biblioteki albo ścieżka pliku .sop.yaml ("-" czyta stdin)
cli-texts-output-file = zapisz do tego pliku zamiast na stdout
cli-texts-db-url = wspólna baza, postgres://USER:PASSWORD@HOST:5432/DB[?sslmode=require][&schema=NAME] (domyślnie: SOP_DATABASE_URL, potem database_url w pliku konfiguracji)
cli-texts-db-read = czytaj ze wspólnej bazy zamiast z dziennika tego komputera (URL albo SOP_DATABASE_URL / database_url, gdy podano samą opcję)
cli-texts-wide = pełne wartości, nawet gdy wynik jest szerszy niż terminal

## src/shell/commands/resume.ts

commands-resume-in-progress-in-another-window =
    Trwają w innym oknie (nie są proponowane): { $ids }
    { "" }
commands-resume-no-interrupted-calls-n =
    Brak przerwanych rozmów.
    { "" }
commands-resume-matches-calls-give-more-of =
    "{ $sessionArg }" pasuje do { $matchesCount } rozmów; podaj więcej znaków identyfikatora:
    { $list }
commands-resume-no-call-in-the-journal = brak rozmowy { $sessionArg } w dzienniku { $dataDir }. "sop resume" wymienia przerwane.
commands-resume-call-is-completed-only-an = rozmowa { $id } jest zakończona; wznowić można tylko przerwaną.
commands-resume-process = proces
commands-resume-call-is-in-progress-in = rozmowa { $id } trwa w innym oknie{ $pid }: tam jest teraz zapisywana, a dwa okna nie mogą zapisywać jednej rozmowy. Kontynuuj ją w tamtym oknie; jeśli tam wyjdziesz albo okno się zamknie, "sop resume" zaproponuje ją tutaj.
commands-resume-continuing-a-call-needs-a = wznowienie rozmowy wymaga terminala (stdin i stdout muszą być TTY): uruchom "sop resume { $id }" w oknie terminala. Bez niego "sop resume" wymienia przerwane rozmowy.
commands-resume-the-sop-has-changed-since =
    SOP zmieniła się od początku tej rozmowy ({ $names }); nie można kontynuować z wersją, od której się zaczęła.
    { "" }
commands-resume-start-the-call-over-with = Zacząć rozmowę od nowa z bieżącą { $sop }?
commands-resume-the-journal-of-call-does = dziennik rozmowy { $id } nie pasuje do jej SOP w kroku { $step }: { $message }
commands-resume-call-already-reached-its-end = rozmowa { $id } dotarła już do końca; nie ma czego kontynuować.
commands-resume-resumed-call = Wznowiono rozmowę { $id }.
commands-resume-step-had-a-sensitive-answer = Krok { $askAgain } miał odpowiedź wrażliwą, która nigdy nie jest przechowywana jawnie: zadaj to pytanie jeszcze raz. Odpowiedzi zapisane po nim zostaną wypełnione ponownie, dopóki rozmowa idzie tą samą ścieżką.
commands-resume-call-was-continued-in-another = rozmowę { $id } wznowiono w innym oknie, odkąd ją tu odczytano; nic nie zapisano. Uruchom "sop resume" jeszcze raz, aby kontynuować ją od miejsca, w którym jest teraz.
commands-resume-call-cannot-be-continued-lines = rozmowy { $id } nie można wznowić: z końca { $file }, gdzie ją zapisano, odcięto wiersze, a tę utratę zaakceptowano ({ $who }; "sop log verify" ją wymienia). To, co było po jej ostatnim wierszu, przepadło, więc wznowienie dołączyłoby nową część do nieznanej luki. Rozpocznij nową rozmowę poleceniem "sop run" i wspomnij { $id } w notatce.
commands-resume-call-cannot-be-continued-lines-2 = rozmowy { $id } nie można wznowić: z końca { $file } odcięto wiersze (jego .head mówi, że był dłuższy, albo go brak lub nie da się go odczytać), więc ta rozmowa mogła zostać częściowo usunięta, a nie przerwana, i wznowienie ukryłoby utratę. Uruchom "sop log verify", aby zobaczyć utratę; gdy wiadomo, co przepadło, osoba nadzorująca zapisuje to poleceniem "sop log accept-loss". Tymczasem rozpocznij nową rozmowę poleceniem "sop run".

## src/shell/cli/define-resume.ts

cli-define-resume-continue-an-interrupted-call-quit = wznów przerwaną rozmowę (wyjście, Ctrl+C, zamknięty terminal, awaria) tam, gdzie się zatrzymała
cli-define-resume-the-session-id-default-choose = identyfikator sesji (domyślnie: wybór spośród przerwanych rozmów)
cli-define-resume-the-call-is-rebuilt-from =
    { "" }
    Rozmowa jest odtwarzana z dziennika z wersją SOP, od której się zaczęła; jeśli plik SOP zmienił
    się od tego czasu, resume to mówi i proponuje zacząć rozmowę od nowa. Odpowiedzi wrażliwe nigdy
    nie są przechowywane jawnie, więc nie da się ich odtworzyć: rozmowa toczy się dalej od pierwszej
    z nich, o którą pyta się ponownie. Nowe wiersze są dopisywane do tej samej sesji (seq rośnie dalej).

    Bez terminala "sop resume" wymienia przerwane rozmowy (identyfikator, początek, SOP, gdzie się zatrzymała).

    Przykłady:
      sop resume                          wybór spośród przerwanych rozmów
      sop resume 20261129-1302-k3f9       wznowienie tej rozmowy
      sop resume --data-dir /srv/hotline  rozmowy zapisane gdzie indziej
      sop resume < /dev/null              tylko lista

## src/shell/cli/help.ts (commander's own words in --help; English help is commander's)

help-usage = Użycie:
help-arguments = Argumenty:
help-options = Opcje:
help-global-options = Opcje globalne:
help-commands = Polecenia:
help-options-placeholder = [opcje]
help-command-placeholder = [polecenie]
help-choices = dozwolone wartości: { $choices }
help-default = domyślnie: { $value }
help-preset = bez wartości: { $value }
help-env = zmienna środowiskowa: { $name }
