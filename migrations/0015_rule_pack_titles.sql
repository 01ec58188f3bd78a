-- A rule pack's title in Kazakh and Russian beside the English one: the legal register is read in all
-- three languages. Reference packs get theirs from the reference seed; a pack without them shows English.
alter table rule_pack add column title_kk text, add column title_ru text;
