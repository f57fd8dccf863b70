-- Frid 0008: name search that ignores case and accents ("ostlund" finds Östlund, "jose"
-- finds José), without a database extension, so PGlite and PostgreSQL behave the same.
-- src/shared/search-text.ts folds a query the same way.
alter table person add column search_name text generated always as (
  ' ' || lower(translate(given_name || ' ' || family_name,
    'ÅÄÖåäöÆØæøÉÈÊËéèêëÜÙÚÛüùúûÁÀÂÃáàâãÍÌÎÏíìîïÓÒÔÕóòôõÑñÇçŠšŽžÝýÿ',
    'AAOaaoAOaoEEEEeeeeUUUUuuuuAAAAaaaaIIIIiiiiOOOOooooNnCcSsZzYyy'))
) stored;
