## src/shell/tui/open-library.ts

tui-open-library-no-such-file-give-the = { $arg }: такого файлу немає. Вкажіть шлях до файлу .sop.yaml або ідентифікатор СОП ("sop run" без назви покаже меню).
tui-open-library-the-sop-library-in-has = бібліотека СОП у { $paths } має помилок: { $errorsCount } (вище); виправте їх перед дзвінком ("sop validate" теж їх покаже).
tui-open-library-no-sops-sop-yaml-in = немає СОП (*.sop.yaml) у { $paths }. Вкажіть теку бібліотеки через --sops DIR.

## src/shell/tui/pick-call.ts

tui-pick-call-which-call = Який дзвінок?

## src/shell/tui/prompts.ts

tui-prompts-navigate = вибір
tui-prompts-select = підтвердити

## src/shell/tui/render-step.ts

tui-render-step-of = { $from }–{ $to } з { $itemsCount }
tui-render-step-more-lines-shown-after-the = … ще рядків: { $more }, їх видно після дзвінка
tui-render-step-sensitive = Чутливе: ця відповідь ніколи не зберігається відкрито.
tui-render-step-a-number = число
tui-render-step-yes-no = так / ні
tui-render-step-up-to-characters = до { $maxLength } символів

## src/shell/tui/run-scripted-call.ts

tui-run-scripted-call-the-answer-for-step-was = відповідь для кроку { $step } відхилено ({ $code }); крок чутливий, тож відповідь тут не повторено. Перевірте її у файлі відповідей.
tui-run-scripted-call-the-answer-for-step-was-2 = відповідь для кроку { $step } відхилено: { $message }
tui-run-scripted-call-step-was-reached-times-the = крок { $step } пройдено { $maxVisits } разів: файл відповідей заводить дзвінок у коло (крок щоразу отримує ту саму відповідь). Змініть відповідь, що веде назад до { $step }.
tui-run-scripted-call-the-call-stopped-at = дзвінок зупинився на { $at } ({ $stop })
tui-run-scripted-call-the-file-has-did-you = { " " }У файлі є "{ $near }": можливо, мали на увазі { $local }?
tui-run-scripted-call-add-a-line-answer = { " " }Додайте рядок "{ $local }: <відповідь>".
tui-run-scripted-call-no-answer-for-step-in = у файлі відповідей немає відповіді для кроку { $step }.

## src/shell/tui/live-call.ts

tui-live-call-stop = СТОП: журнал дзвінка не записується. Продовжуйте розмову на папері.

## src/shell/tui/words.ts

tui-say = Скажіть:
tui-guidance = Порада
tui-no-guidance = Для цього кроку немає поради.
tui-source = Джерело
tui-more = … (збільште вікно, щоб побачити більше)
tui-page-hint = ↑↓ гортати
tui-practice = ТРЕНУВАННЯ
tui-continue = Enter далі
tui-type-answer = Введіть відповідь · Enter підтвердити
tui-esc-then = Esc, потім:
tui-keys-after-esc = Клавіші:{ " " }
tui-guidance-key = порада
tui-back = назад
tui-note = нотатка
tui-quit = вийти
tui-optional = (можна залишити порожнім)
tui-answer = Відповідь
tui-previously = До повернення:
tui-note-prompt = Нотатка (один рядок, Enter зберегти, Esc скасувати):
tui-note-saved = Нотатку збережено.
tui-note-empty = Порожню нотатку не збережено.
tui-confirm-quit = Зупинити дзвінок зараз? Його буде збережено як перерваний; "sop resume" продовжить.  y = зупинити · n = залишитися
tui-command-mode = Натисніть клавішу: ? b n q або клавішу переривання; будь-яка інша повертає до введення.
tui-ticked = позначено
tui-nothing-ticked = Нічого не позначено: Enter підтверджує «жодного».
tui-summary = Підсумок дзвінка
tui-outcome = Результат
tui-path = Пройдений шлях
tui-referrals = Перенаправлення
tui-no-referrals = немає
tui-hours = години
tui-unverified = НЕ ПЕРЕВІРЕНО
tui-last-verified = перевірено
tui-unknown-contact = немає в довіднику
tui-duration = Тривалість
tui-answers = Надані відповіді
tui-sealed = (чутливе, запечатано)
tui-full-path = увесь шлях
tui-session = Сесія
tui-journal = Журнал
tui-interrupted-title = Дзвінок перервано
tui-resume-hint = Продовжити пізніше: sop resume
tui-stopped-at = Зупинено на
tui-unfinished-note-kept = Нотатку, яку ви вводили, збережено в журналі з позначкою «незавершена».
tui-more-answers = ще відповідей: { $n }
tui-choose = ↑↓ або { $digits } вибір · Enter підтвердити
tui-toggle = ↑↓ рух · Пробіл або { $digits } позначити · Enter підтвердити

## src/core/training/training-words.ts

training-debrief = Розбір
training-score = Оцінка
training-points = балів
training-of = з
training-decisions-part = Рішення як в експерта
training-red-flags-part = Помічені тривожні сигнали
training-not-in-scenario = у цьому сценарії немає
training-expected = очікувано
training-not-finished = дзвінок не завершено
training-referrals-missing = не надано контактів
training-decisions = Рішення (ваші поруч з експертними)
training-you = ви
training-expert = експерт
training-not-reached = не дійшли
training-not-comparable = збережено лише як [redacted]: не порівнюється
training-why = Чому
training-caller = Абонент
training-expert-title = Експерт
training-press = натисніть
training-not-on-expert-path = дзвінок експерта не проходить через цей крок.
training-not-scored = факт від абонента, не оцінюється
training-left-open = абонент цього не казав, не оцінюється
training-off-path = Кроки поза шляхом експерта
training-red-flags = Тривожні сигнали
training-visit-missed = не пройдено
training-visit-hit = пройдено
training-interrupt-missed = не використано
training-interrupt-hit = використано
training-interrupt = переривання
training-no-red-flags = Жодного тривожного сигналу не пропущено.
training-times = Час на крок (ви / експерт)
training-slow = повільно
training-report = Звіт про навчання
training-trainee = слухач
training-sessions = сесій
training-scenarios-done = Пройдені сценарії
training-scenario = сценарій
training-attempts = спроби
training-finished = завершено
training-best = найкраща
training-last = остання
training-not-done = Ще не пройдено
training-over-time = Оцінки з часом
training-when = дата
training-score-column = бали
training-unfinished = не завершено
training-no-score = сценарій не знайдено або він більше не відповідає СОП: без оцінки
training-divergences = Кроки, де слухач найчастіше вирішує інакше, ніж експерт
training-times-2 = разів
training-missed-flags = Найчастіше пропущені тривожні сигнали

## src/core/render/words.ts

render-otherwise = інакше
render-legend = Умовні позначення
render-tail-call = його результат завершує цю процедуру
render-back-to = назад до
render-see-above = див. вище
render-unreachable = Недосяжні від початку
render-category-emergency = екстрена допомога
render-category-escalated = передано далі
render-category-referred = перенаправлено
render-category-informed = поінформовано
render-category-no-action = без дій
render-category-dropped = обірвано

## src/core/render/reference-words.ts

reference-or = або
reference-yes = так
reference-no = ні
reference-not-given = (не вказано)
reference-unknown-contact = (контакту немає в довіднику)
reference-open-always = працює цілодобово
reference-open-until = зараз працює, до
reference-closed-opens-today = зараз зачинено, відкриється сьогодні о
reference-closed-opens = зараз зачинено, відкриється
reference-closed = зараз зачинено
reference-at = о
reference-days-mon = пн
reference-days-tue = вт
reference-days-wed = ср
reference-days-thu = чт
reference-days-fri = пт
reference-days-sat = сб
reference-days-sun = нд

## src/shell/commands/run.ts

commands-run-with-answers-name-the-sop = з --answers вкажіть СОП: sop run <соп> --answers FILE
commands-run-a-live-call-needs-a = живому дзвінку потрібен термінал (stdin і stdout мають бути TTY). Запустіть у вікні термінала або з файлу: sop run <соп> --answers FILE
commands-run-cannot-read-the-answers-file = не вдається прочитати файл відповідей { $file } ({ $code })
commands-run-not-valid-yaml = { $at }: недійсний YAML: { $error }
commands-run-the-answers-file-must-map = { $file }: файл відповідей має зіставляти кроки з відповідями, по одному "крок: відповідь" в рядку (напр. "safe: yes")
commands-run-which-sop = Яка СОП?
commands-run-no-call-started-n =
    Дзвінок не розпочато.
    { "" }

## src/shell/commands/train.ts

commands-train-trainee-needs-a-pseudonym = --trainee потребує псевдоніма
commands-train-trainee-holds-a-line-break = --trainee містить розрив рядка або керівні символи: вкажіть один рядок звичайного тексту, псевдонім на кшталт trainee-3
commands-train-a-training-scenario-cannot-come = сценарій навчання не можна подати через stdin ("-"): термінал потрібен для дзвінка. Вкажіть id або файл сценарію.
commands-train-training-needs-a-terminal-stdin = для навчання потрібен термінал (stdin і stdout мають бути TTY): запустіть у вікні термінала. Щоб перевірити сценарії без нього: sop test
commands-train-ntraining-sessions-are-not-resumed =
    { "" }
    Навчальні сесії не продовжуються: почніть знову — "sop train { $scenario }".
    { "" }
commands-train-not-a-scenario-file = не файл сценарію
commands-train-cannot-train-with = не вдається тренуватися з { $arg }: { $problem }
commands-train-no-scenarios-scenario-yaml-in = немає сценаріїв (*.scenario.yaml) у { $dir }. Вкажіть теку через --scenarios DIR або файл.
commands-train-easy = легкий
commands-train-medium = середній
commands-train-hard = складний
commands-train-done = пройдено
commands-train-which-scenario-trainee = Який сценарій? (слухач: { $trainee })
commands-train-no-training-started-n =
    Навчання не розпочато.
    { "" }
commands-train-the-situation = Ситуація
commands-train-run-the-call-as-you = Ведіть дзвінок, як справжній: ті самі екрани й клавіші. Слова абонента з’являються над кроком.
commands-train-guided-pass-the-expert-s = Кероване проходження: на кожному кроці видно вибір експерта і чому.
commands-train-start-the-call = Почати дзвінок?

## src/shell/cli/run.ts

cli-run-run-a-call-the-sop = провести дзвінок: СОП крок за кроком у терміналі, із записом у журнал
cli-run-sop-id-or-file-default = ідентифікатор або файл СОП (типово: вибір із меню)
cli-run-your-pseudonym-in-the-journal = ваш псевдонім у журналі (типово: з файлу налаштувань)
cli-run-run-without-a-terminal-answers = без термінала: відповіді з файлу YAML (крок: відповідь; "-" читає stdin)
cli-run-keys-during-a-call-or =
    { "" }
    Клавіші під час дзвінка:
      ↑ ↓ або 1-9  вибрати варіант           Пробіл або 1-9  позначити пункт переліку
      Enter        підтвердити / далі        ?               порада до цього кроку
      b            назад (наступна відповідь виправить попередню)
      n            нотатка в один рядок      q               вийти (спершу запитає; дзвінок можна продовжити)
      !            переривання СОП (напр. ! безпосередня небезпека), перелічені внизу екрана
      Коли вводите відповідь, спершу натисніть Esc, потім клавішу. Літерні клавіші
      працюють і в українській розкладці (й q, и b, т n).

    Кожна відповідь записується в журнал (і зберігається на диск), перш ніж з'явиться наступний
    крок. Чутливі відповіді й усі нотатки ніколи не записуються відкрито. Код виходу 0, коли
    дзвінок завершено; 130, коли його зупинено через Ctrl+C; 1, коли його зупинено раніше інакше
    (вихід, бракує відповіді) або в СОП є помилки; 2, коли дзвінок не може початися (немає
    термінала, журнал недоступний для запису).

    Приклади:
      sop run                                  вибрати СОП із меню
      sop run first-contact --lang uk          дзвінок українською
      sop run sops/job-offer-abroad.sop.yaml --operator counsellor-7
      sop run first-contact --answers answers.yaml     без термінала, напр. для показу чи перевірки
      cat answers.yaml | sop run first-contact --answers -

## src/shell/cli/train.ts

cli-train-training-practise-a-scenario-exactly = навчання: відпрацювати сценарій точно як справжній дзвінок, потім розбір у порівнянні з експертом
cli-train-scenario-id-or-file-default = ідентифікатор або файл сценарію (типово: вибір із меню)
cli-train-the-trainee-s-pseudonym-default = псевдонім слухача (типово: оператор із файлу налаштувань)
cli-train-guided-first-pass-show-the = кероване перше проходження: на кожному кроці показати вибір експерта й чому
cli-train-progress-report-scenarios-done-scores = звіт про поступ: пройдені сценарії, оцінки з часом, де слухач вирішує інакше (типово: --trainee)
cli-train-with-report-output-format = з --report: формат виводу
cli-train-language-of-the-screens-the = мова екранів, текстів СОП і розбору
cli-train-who-runs-the-session-recorded = хто проводить сесію, записується в журнал (типово: з файлу налаштувань)
cli-train-where-scenarios-are-default-the = тека сценаріїв (типово: тека scenarios бібліотеки)
cli-train-the-trainee-reads-the-caller =
    { "" }
    Слухач читає ситуацію абонента, потім проходить СОП з тими самими екранами й клавішами, що
    й у "sop run" (? порада, b назад, n нотатка, q вийти, ! та інші клавіші переривань). На
    кроках, де сценарій задає слова абонента, вони з'являються над кроком.
    Наприкінці — розбір: оцінка зі 100 (рішення як в експерта 50, тривожні сигнали 25,
    результат 25; див. docs/training.md), кожне рішення поруч з експертним, а де вони різняться —
    порада до кроку й пояснення експерта, пропущені тривожні сигнали та час на кожен крок.

    Сесії записуються в НАВЧАЛЬНИЙ журнал (<тека даних>/journal/training/), ніколи разом зі
    справжніми дзвінками. Потрібен термінал; для перевірки сценаріїв без термінала є "sop test".
    Код виходу 0, коли дзвінок завершено; 1, коли його зупинено раніше або сценарій більше не
    відповідає СОП; 2, коли сесія не може початися (немає термінала, журнал недоступний для запису).

    Приклади:
      sop train                                      вибрати сценарій із меню
      sop train two-signs --trainee trainee-3        сценарій за ідентифікатором, під псевдонімом
      sop train sops/scenarios/dv-danger-interrupt.scenario.yaml --lang uk
      sop train emergency-danger-passed --reveal     перше проходження: вибір експерта на кожному кроці
      sop train --report                             ваш поступ (ім'я з --trainee / налаштувань)
      sop train --report trainee-3 --format json     поступ одного слухача в JSON

## src/shell/cli/texts.ts

cli-texts-output-format = формат виводу
cli-texts-lang-of-messages = мова повідомлень
cli-texts-lang-of-screens = мова екранів і текстів СОП
cli-texts-data-dir = тека журналів (типово $XDG_DATA_HOME/sop-runner)
cli-texts-sops-folder = тека бібліотеки СОП (типово: ./sops)
cli-texts-sops-configured = бібліотека СОП (типово: тека СОП із налаштувань, інакше ./sops)
cli-texts-sop-argument = ідентифікатор СОП із бібліотеки або шлях до файлу .sop.yaml ("-" читає stdin)
cli-texts-output-file = записати в цей файл замість stdout
cli-texts-db-url = спільне сховище, postgres://USER:PASSWORD@HOST:5432/DB[?sslmode=require][&schema=NAME] (типово: SOP_DATABASE_URL, далі database_url у файлі налаштувань)
cli-texts-db-read = читати зі спільного сховища замість журналу цієї машини (адреса або, якщо без неї, SOP_DATABASE_URL / database_url)
cli-texts-wide = повні значення, навіть коли вивід ширший за термінал

## src/shell/commands/resume.ts

commands-resume-in-progress-in-another-window =
    Тривають в іншому вікні (не пропонуються): { $ids }
    { "" }
commands-resume-no-interrupted-calls-n =
    Перерваних дзвінків немає.
    { "" }
commands-resume-matches-calls-give-more-of =
    «{ $sessionArg }» підходить до { $matchesCount } дзвінків; вкажіть більше символів:
    { $list }
commands-resume-no-call-in-the-journal = дзвінка { $sessionArg } немає в журналі { $dataDir }. "sop resume" покаже перервані.
commands-resume-call-is-completed-only-an = дзвінок { $id } завершено; продовжити можна лише перерваний.
commands-resume-process = процес
commands-resume-call-is-in-progress-in = дзвінок { $id } триває в іншому вікні{ $pid }: його зараз записують там, а два вікна не можуть записувати один дзвінок. Продовжуйте його в тому вікні; якщо там вийти або вікно закриється, "sop resume" запропонує його тут.
commands-resume-continuing-a-call-needs-a = щоб продовжити дзвінок, потрібен термінал (stdin і stdout мають бути TTY): запустіть "sop resume { $id }" у вікні термінала. Без нього "sop resume" показує перервані дзвінки.
commands-resume-the-sop-has-changed-since =
    СОП змінилася після початку цього дзвінка ({ $names }); продовжити з тією версією неможливо.
    { "" }
commands-resume-start-the-call-over-with = Почати дзвінок заново з поточною { $sop }?
commands-resume-the-journal-of-call-does = журнал дзвінка { $id } не відповідає СОП на кроці { $step }: { $message }
commands-resume-call-already-reached-its-end = дзвінок { $id } уже дійшов кінця; продовжувати нічого.
commands-resume-resumed-call = Дзвінок { $id } продовжено.
commands-resume-step-had-a-sensitive-answer = Крок { $askAgain } мав чутливу відповідь, яка ніколи не зберігається відкрито: запитайте ще раз. Відповіді, записані після нього, буде заповнено знову, доки дзвінок іде тим самим шляхом.
commands-resume-call-was-continued-in-another = дзвінок { $id } продовжили в іншому вікні, відколи його тут прочитано; нічого не записано. Запустіть "sop resume" ще раз, щоб продовжити його з того місця, де він тепер.
commands-resume-call-cannot-be-continued-lines = дзвінок { $id } не можна продовжити: з кінця { $file }, де його записано, відрізано рядки, і цю втрату прийнято ({ $who }; "sop log verify" її називає). Те, що йшло після його останнього рядка, втрачено, тож продовження приєднало б нову частину до невідомої прогалини. Почніть новий дзвінок ("sop run") і згадайте { $id } у нотатці.
commands-resume-call-cannot-be-continued-lines-2 = дзвінок { $id } не можна продовжити: з кінця { $file } відрізано рядки (його .head каже, що він був довшим, або його немає чи він не читається), тож цей дзвінок, можливо, частково вилучено, а не перервано, і продовження приховало б втрату. Запустіть "sop log verify", щоб побачити втрату; коли відомо, що втрачено, керівник записує це командою "sop log accept-loss". Тим часом почніть новий дзвінок ("sop run").

## src/shell/cli/define-resume.ts

cli-define-resume-continue-an-interrupted-call-quit = продовжити перерваний дзвінок (вихід, Ctrl+C, закритий термінал, збій) з місця зупинки
cli-define-resume-the-session-id-default-choose = ідентифікатор сесії (типово: вибір серед перерваних дзвінків)
cli-define-resume-the-call-is-rebuilt-from =
    { "" }
    Дзвінок відновлюється з журналу з тією версією СОП, з якою він почався; якщо файл СОП
    відтоді змінився, resume про це скаже й запропонує почати дзвінок заново. Чутливі відповіді
    ніколи не зберігаються відкрито, тож їх не можна відтворити: дзвінок продовжується з першої
    такої відповіді, і її запитують знову. Нові рядки дописуються до тієї самої сесії (seq триває).

    Без термінала "sop resume" показує перелік перерваних дзвінків (ідентифікатор, початок, СОП,
    де зупинився).

    Приклади:
      sop resume                          вибрати серед перерваних дзвінків
      sop resume 20261129-1302-k3f9       продовжити цей дзвінок
      sop resume --data-dir /srv/hotline  дзвінки, записані деінде
      sop resume < /dev/null              лише показати їх перелік

## src/shell/cli/help.ts (commander's own words in --help; English help is commander's)

help-usage = Використання:
help-arguments = Аргументи:
help-options = Параметри:
help-global-options = Загальні параметри:
help-commands = Команди:
help-options-placeholder = [параметри]
help-command-placeholder = [команда]
help-choices = допустимі значення: { $choices }
help-default = типово: { $value }
help-preset = без значення: { $value }
help-env = змінна середовища: { $name }
