# Shared by the counts-sql cases (sourced from their cmd): copies the example project to ./p,
# loads its two raw waves into sqlite3 and runs exactly the SQL blocks that docs/scale-out.md
# shows (between `<!-- sql:NAME -->` and the end of the next ```sql fence), writing
# p/counts/answers.csv, kano.csv and pairs.csv (with BY=satisfaction, after the block that puts
# each account's satisfaction in the segment column). Then the raw waves are removed, so that the
# counts path cannot read them.
set -eu
doc="$EXAMPLES/../docs/scale-out.md"
cp -R "$EXAMPLES/fieldwise" p
mkdir p/counts
# In the example nobody changes group or segment between the waves; here some wave-2
# respondents do (13 of the paired ones change segment, 9 group), so that taking both from the
# first wave, as the raw-wave path does, is tested too.
sed -E -i -e 's/^(R-000[0-4][0-9],[^,]*,[^,]*,)(smb|mid-market),/\1enterprise,/' \
  -e 's/^(R-001[0-4][0-9],[^,]*,)(pilot|control),/\1other,/' p/surveys/2027-04.csv
block() {
  awk -v tag="<!-- sql:$1 -->" '
    $0 == tag { found = 1; next }
    found && !on && /^```sql$/ { on = 1; next }
    on && /^```$/ { exit }
    on { print }' "$doc"
}
for name in long answers kano pairs satisfaction; do
  block "$name" > "p/counts/$name.sql"
  if [ ! -s "p/counts/$name.sql" ]; then echo "docs/scale-out.md has no sql:$name block" >&2; exit 1; fi
done
(
  cd p
  {
    cat <<'SQL'
.mode csv
.import surveys/2027-01.csv raw_2027_01
.import surveys/2027-04.csv raw_2027_04
CREATE TABLE responses AS
  SELECT '2027-01' AS wave, * FROM raw_2027_01
  UNION ALL
  SELECT '2027-04' AS wave, * FROM raw_2027_04;
SQL
    if [ "${BY:-}" = satisfaction ]; then
      echo ".import accounts.csv accounts"
      echo ".read counts/satisfaction.sql"
    fi
    cat <<'SQL'
.read counts/long.sql
.headers on
.output counts/answers.csv
.read counts/answers.sql
.output counts/kano.csv
.read counts/kano.sql
.output counts/pairs.csv
.read counts/pairs.sql
SQL
  } | sqlite3 -bail counts/waves.db
)
# The raw-wave result first, then the waves go: the counts path must do without them.
(cd p && delight survey-diff -O json ${BY:+--by "$BY"} > ../from-waves.json)
rm -r p/surveys p/counts/waves.db
(cd p && delight survey-diff --counts counts/answers.csv --counts counts/kano.csv \
  --counts counts/pairs.csv -O json ${BY:+--by "$BY"} > ../from-counts.json)
# Not vacuous: both ran and wrote JSON with the two waves and paired answers.
grep -q '"2027-04"' from-waves.json || { echo "the raw-wave JSON lacks wave 2027-04" >&2; exit 1; }
grep -Eq '"n_paired": ?[1-9]' from-waves.json || { echo "no paired answers in the raw-wave JSON" >&2; exit 1; }
cmp from-waves.json from-counts.json && echo "identical"
