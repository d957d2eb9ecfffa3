SELECT E'unterminated\';
$a$ $b$ unterminated dollar tags
